namespace Platform.Grains.Lobbies;

public sealed record LobbyPlayerConnection(Guid UserId, string Username, string ConnectionId);
