namespace Platform.Grains.Pokes;

public sealed record MatchedUser(Guid UserId, string Username);
