namespace Platform.Grains.Lobbies;

public sealed class LobbyPlayerState
{
    public Guid UserId { get; set; }

    public string Username { get; set; } = "";

    public bool IsReady { get; set; }
}
