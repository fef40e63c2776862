namespace Platform.Api.Apis.Auth;

public sealed record TokenResponse(string AccessToken, string RefreshToken);
