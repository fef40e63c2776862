namespace Platform.Grains.Cafes;

public sealed record JoinTokenGrant(string Username, string JoinToken, DateTimeOffset ExpiresAt);
