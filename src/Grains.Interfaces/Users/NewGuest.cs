namespace Platform.Grains.Users;

public sealed record NewGuest(string Username, Guid CafeId);
