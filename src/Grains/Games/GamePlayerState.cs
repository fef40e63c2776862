namespace Platform.Grains.Games;

public sealed class GamePlayerState
{
    public Guid UserId { get; set; }

    public string Username { get; set; } = "";

    public int Score { get; set; }

    public int CorrectAnswers { get; set; }

    public int Streak { get; set; }

    public int Multiplier { get; set; } = 1;

    /// <summary>The index of the last question this player answered, so a second answer is refused.</summary>
    public int LastAnswered { get; set; } = -1;
}
