using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AccessTokenTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_request_without_an_access_token_is_unauthorized()
    {
        using var response = await fixture.GetAsync("/api/users/me");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.")]
    public async Task A_malformed_access_token_is_unauthorized(string accessToken)
    {
        using var response = await fixture.GetAsync("/api/users/me", accessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_access_token_signed_with_another_key_is_unauthorized()
    {
        var user = await fixture.RegisterAsync();
        var forged = Craft(user, DateTime.UtcNow.AddMinutes(10), RandomNumberGenerator.GetBytes(32));

        using var response = await fixture.GetAsync("/api/users/me", forged);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_unsigned_access_token_is_unauthorized()
    {
        var user = await fixture.RegisterAsync();
        var unsigned = new JsonWebTokenHandler().CreateToken(Descriptor(user, DateTime.UtcNow.AddMinutes(10), signingKey: null));

        using var response = await fixture.GetAsync("/api/users/me", unsigned);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_expired_access_token_is_unauthorized_with_code_expired()
    {
        var user = await fixture.RegisterAsync();
        var expired = Craft(user, DateTime.UtcNow.AddMinutes(-1), fixture.SigningKey);

        using var response = await fixture.GetAsync("/api/users/me", expired);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_crafted_token_like_the_expired_one_but_current_is_accepted()
    {
        // The control for the test above: the only thing wrong with the expired token is its time.
        var user = await fixture.RegisterAsync();
        var current = Craft(user, DateTime.UtcNow.AddMinutes(10), fixture.SigningKey);

        using var response = await fixture.GetAsync("/api/users/me", current);

        Assert.Equal(user.Id, (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("id").GetGuid());
    }

    private static string Craft(TestUser user, DateTime expires, byte[] signingKey) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(user, expires, signingKey));

    // The claims of the user's real token, with another lifetime and key.
    private static SecurityTokenDescriptor Descriptor(TestUser user, DateTime expires, byte[]? signingKey)
    {
        var real = new JsonWebToken(user.AccessToken);
        return new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = real.Subject,
                ["sid"] = real.GetClaim("sid").Value,
                ["name"] = real.GetClaim("name").Value,
                ["kind"] = real.GetClaim("kind").Value,
            },
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            SigningCredentials = signingKey is null ? null : new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
    }
}
