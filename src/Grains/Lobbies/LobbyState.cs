namespace Platform.Grains.Lobbies;

/// <summary>What the lobby grain stores. Players are kept in the order they joined: the host's role passes down it.</summary>
public sealed class LobbyState
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid HostId { get; set; }

    public LobbyStatus Status { get; set; }

    public bool Closed { get; set; }

    public LobbySettings Settings { get; set; } = new(8, 10, 20, null, false);

    public List<LobbyPlayerState> Players { get; set; } = [];

    public Guid? GameId { get; set; }

    /// <summary>When somebody was last connected, for closing lobbies nobody is waiting in.</summary>
    public DateTimeOffset LastConnectedAt { get; set; }
}
