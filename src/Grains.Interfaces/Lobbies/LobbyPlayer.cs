namespace Platform.Grains.Lobbies;

public sealed record LobbyPlayer(Guid UserId, string Username, bool IsReady, bool IsHost);
