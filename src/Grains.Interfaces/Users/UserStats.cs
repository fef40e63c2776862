namespace Platform.Grains.Users;

/// <summary>The contract's stats; the quiz keeps them current.</summary>
public sealed record UserStats(int GamesPlayed, int GamesWon, long TotalScore, int Rating);
