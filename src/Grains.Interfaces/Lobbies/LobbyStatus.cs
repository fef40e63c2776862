namespace Platform.Grains.Lobbies;

public enum LobbyStatus
{
    Waiting,
    Playing,
    Finished,
}
