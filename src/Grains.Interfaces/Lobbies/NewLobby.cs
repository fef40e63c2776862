namespace Platform.Grains.Lobbies;

public sealed record NewLobby(Guid HostId, string HostName, string Name, LobbySettings Settings);
