namespace Platform.Api.Apis.Auth;

public sealed record RefreshRequest(string? RefreshToken);
