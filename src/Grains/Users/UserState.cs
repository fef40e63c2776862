namespace Platform.Grains.Users;

/// <summary>What the user grain stores.</summary>
public sealed class UserState
{
    public UserKind Kind { get; set; }

    public string Username { get; set; } = "";

    public string? Email { get; set; }

    public string? PasswordHash { get; set; }

    public Guid? CafeId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a guest's account ends; members never expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool Expired { get; set; }

    public List<string> Interests { get; set; } = [];

    public bool PokeEnabled { get; set; } = true;

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public List<SessionState> Sessions { get; set; } = [];

    public List<BadgeView> Badges { get; set; } = [];

    /// <summary>When the user's pokes of the last 24 hours were sent, for the daily limit.</summary>
    public List<DateTimeOffset> PokesSent { get; set; } = [];

    public UserStats Stats { get; set; } = new(0, 0, 0, 1200);

    /// <summary>The last games counted in <see cref="Stats"/>, so that a game told twice counts once.</summary>
    public List<Guid> RecordedGames { get; set; } = [];
}
