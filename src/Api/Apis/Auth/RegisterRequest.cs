namespace Platform.Api.Apis.Auth;

public sealed record RegisterRequest(string? Email, string? Username, string? Password);
