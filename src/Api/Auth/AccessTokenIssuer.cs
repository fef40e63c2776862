using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Grains.Users;

namespace Platform.Api.Auth;

/// <summary>Signs short-lived HS256 access tokens for a session; a guest's never outlive its account.</summary>
public sealed class AccessTokenIssuer(SigningKeys keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(keys.AccessTokenKey, SecurityAlgorithms.HmacSha256);

    public string Issue(SessionGrant session)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        if (session.ExpiresAt < expires) expires = session.ExpiresAt;

        var user = session.User;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(PlatformClaims.Session, session.SessionId.ToString()),
            new(PlatformClaims.Username, user.Username),
            new(PlatformClaims.Kind, user.Kind == UserKind.Guest ? "guest" : "member"),
        };
        if (user.CafeId is { } cafeId) claims.Add(new Claim(PlatformClaims.Cafe, cafeId.ToString()));

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
    }
}
