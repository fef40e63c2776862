using System.Collections.Immutable;

namespace Platform.Grains.Games;

public sealed record GameEnded(Guid GameId, ImmutableArray<LeaderboardEntry> Leaderboard, Guid? WinnerId);
