namespace Platform.Api.Apis.Cafes;

public sealed record CreateCafeRequest(string? Name, string? Address, string? WifiSsid, double? Latitude, double? Longitude, double? RadiusMeters);
