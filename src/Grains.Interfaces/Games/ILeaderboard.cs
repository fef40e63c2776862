using System.Collections.Immutable;

namespace Platform.Grains.Games;

public interface ILeaderboard
{
    Task<ImmutableArray<RatedPlayer>> TopAsync(int limit, CancellationToken cancellationToken = default);
}
