namespace Platform.Api.Apis.Auth;

public sealed record LoginRequest(string? Login, string? Password);
