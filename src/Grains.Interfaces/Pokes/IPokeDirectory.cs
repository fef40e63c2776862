using System.Collections.Immutable;

namespace Platform.Grains.Pokes;

/// <summary>Reads pokes from their table: who a poke is between, and a user's pending and sent lists.</summary>
public interface IPokeDirectory
{
    Task<PokeParties?> PartiesOfAsync(Guid pokeId, CancellationToken cancellationToken = default);

    Task<ImmutableArray<ReceivedPoke>> PendingForAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<ImmutableArray<SentPoke>> SentByAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
