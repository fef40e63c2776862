namespace Platform.Grains.Games;

public sealed record LeaderboardEntry(Guid UserId, string Username, int Score, int CorrectAnswers, int Streak);
