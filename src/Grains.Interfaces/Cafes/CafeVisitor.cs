namespace Platform.Grains.Cafes;

public sealed record CafeVisitor(Guid UserId, string Username, string ConnectionId);
