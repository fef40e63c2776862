using System.Collections.Immutable;

namespace Platform.Grains.Lobbies;

/// <summary>The contract's lobby; also the <c>lobbyUpdated</c> event.</summary>
public sealed record LobbyView(
    Guid Id, string Code, string Name, Guid HostId, LobbyStatus Status, LobbySettings Settings, ImmutableArray<LobbyPlayer> Players, Guid? GameId);
