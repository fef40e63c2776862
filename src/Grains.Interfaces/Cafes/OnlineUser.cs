namespace Platform.Grains.Cafes;

public sealed record OnlineUser(Guid UserId, string Username);
