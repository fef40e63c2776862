namespace Platform.Grains.Cafes;

public sealed record GuestJoin(string Username, string JoinToken, string? WifiSsid, double? Latitude, double? Longitude);
