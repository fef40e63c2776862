namespace Platform.Grains.Games;

public sealed record RatedPlayer(Guid UserId, string Username, int Rating, int GamesPlayed, int GamesWon, long TotalScore);
