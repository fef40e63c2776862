namespace Platform.Grains.Users;

/// <summary>The current refresh token of a session: its generation, and when the session ends at the latest.</summary>
public sealed record SessionGrant(Guid UserId, Guid SessionId, int Generation, DateTimeOffset ExpiresAt, UserView User);
