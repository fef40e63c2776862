using System.Collections.Immutable;

namespace Platform.Grains.Games;

/// <summary>A game as <c>GET /api/games/{id}</c> shows it, and what a player coming back needs.</summary>
public sealed record GameView(
    Guid Id,
    string LobbyCode,
    GameStatus Status,
    int QuestionCount,
    QuestionShown? CurrentQuestion,
    ImmutableArray<LeaderboardEntry> Leaderboard,
    Guid? WinnerId);
