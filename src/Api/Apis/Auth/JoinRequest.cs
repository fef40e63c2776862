namespace Platform.Api.Apis.Auth;

public sealed record JoinRequest(string? Username, string? JoinToken, Guid? CafeId, string? WifiSsid, double? Latitude, double? Longitude);
