using Platform.Grains.Users;

namespace Platform.Api.Apis.Auth;

public sealed record AuthResponse(string AccessToken, string RefreshToken, UserView User);
