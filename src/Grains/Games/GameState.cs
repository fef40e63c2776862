namespace Platform.Grains.Games;

/// <summary>What the game grain stores; enough to resume after its silo restarts, mid-question or between questions.</summary>
public sealed class GameState
{
    public string LobbyCode { get; set; } = "";

    public int SecondsPerQuestion { get; set; }

    public string? Category { get; set; }

    public GameStatus Status { get; set; }

    public List<GameQuestion> Questions { get; set; } = [];

    public List<GamePlayerState> Players { get; set; } = [];

    /// <summary>The question shown now, or -1 before the first; while <see cref="QuestionOpen"/> is false it is the last one shown.</summary>
    public int Index { get; set; } = -1;

    public bool QuestionOpen { get; set; }

    public DateTimeOffset QuestionStartedAt { get; set; }

    public DateTimeOffset Deadline { get; set; }

    /// <summary>When the next question is due, while between questions.</summary>
    public DateTimeOffset NextQuestionAt { get; set; }

    public Guid? WinnerId { get; set; }
}
