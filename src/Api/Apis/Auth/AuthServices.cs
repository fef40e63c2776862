using Platform.Actors;
using Platform.Api.Auth;
using Platform.Grains.Users;

namespace Platform.Api.Apis.Auth;

/// <summary>What the auth endpoints use, bundled for <c>[AsParameters]</c>.</summary>
public sealed class AuthServices(IGrainFactory grains, IAccountLookup accounts, AccessTokenIssuer accessTokens, RefreshTokenCodec refreshTokens)
{
    public IGrainFactory Grains { get; } = grains;

    public IAccountLookup Accounts { get; } = accounts;

    public AccessTokenIssuer AccessTokens { get; } = accessTokens;

    public RefreshTokenCodec RefreshTokens { get; } = refreshTokens;

    public AuthResponse Respond(SessionGrant session) =>
        new(AccessTokens.Issue(session), RefreshTokens.Encode(new RefreshToken(session.UserId, session.SessionId, session.Generation)), session.User);
}
