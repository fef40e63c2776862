namespace Platform.Grains.Users;

/// <summary>One session: the generation of its only valid refresh token, and when it ends.</summary>
public sealed class SessionState
{
    public Guid Id { get; set; }

    public int Generation { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
