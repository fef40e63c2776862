using System.Collections.Immutable;

namespace Platform.Grains.Games;

public sealed record QuestionEnded(Guid GameId, int Index, int CorrectIndex, ImmutableArray<LeaderboardEntry> Leaderboard);
