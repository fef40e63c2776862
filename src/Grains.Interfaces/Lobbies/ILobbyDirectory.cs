using System.Collections.Immutable;

namespace Platform.Grains.Lobbies;

/// <summary>The open public lobbies, read from the table the lobbies keep current.</summary>
public interface ILobbyDirectory
{
    Task<ImmutableArray<LobbySummary>> OpenAsync(int limit, CancellationToken cancellationToken = default);
}
