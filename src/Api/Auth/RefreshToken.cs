namespace Platform.Api.Auth;

/// <summary>What a refresh token names: a user's session, and which generation of its tokens this one is.</summary>
public readonly record struct RefreshToken(Guid UserId, Guid SessionId, int Generation);
