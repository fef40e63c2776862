using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFixture fixture)
{
    [Fact]
    public async Task Refresh_rotates_to_new_tokens_that_work()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });

        var tokens = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var refreshToken = tokens.GetProperty("refreshToken").GetString();
        Assert.NotEqual(user.RefreshToken, refreshToken);
        using var me = await fixture.GetAsync("/api/users/me", tokens.GetProperty("accessToken").GetString());
        await ApiAssert.JsonAsync(me, HttpStatusCode.OK);
        using var again = await fixture.PostAsync("/api/auth/refresh", new { refreshToken });
        await ApiAssert.JsonAsync(again, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_with_a_reused_token_revokes_the_session()
    {
        var user = await fixture.RegisterAsync();
        using var rotated = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var tokens = await ApiAssert.JsonAsync(rotated, HttpStatusCode.OK);
        var newerRefreshToken = tokens.GetProperty("refreshToken").GetString();
        var newerAccessToken = tokens.GetProperty("accessToken").GetString();

        using var reused = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(reused, HttpStatusCode.Unauthorized, "unauthorized");

        using var newer = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = newerRefreshToken });
        await ApiAssert.ProblemAsync(newer, HttpStatusCode.Unauthorized, "unauthorized");
        using var newerAccess = await fixture.GetAsync("/api/users/me", newerAccessToken);
        await ApiAssert.ProblemAsync(newerAccess, HttpStatusCode.Unauthorized, "unauthorized");
        using var firstAccess = await fixture.GetAsync("/api/users/me", user.AccessToken);
        await ApiAssert.ProblemAsync(firstAccess, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_revoked_session_leaves_the_members_other_sessions_working()
    {
        var user = await fixture.RegisterAsync();
        using var login = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = Accounts.Password });
        var other = Accounts.User(await ApiAssert.JsonAsync(login, HttpStatusCode.OK), user.Email, user.Password);
        using var rotated = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.JsonAsync(rotated, HttpStatusCode.OK);

        using var reused = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(reused, HttpStatusCode.Unauthorized, "unauthorized");

        using var me = await fixture.GetAsync("/api/users/me", other.AccessToken);
        await ApiAssert.JsonAsync(me, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_with_a_garbage_token_is_unauthorized(string refreshToken)
    {
        using var response = await fixture.PostAsync("/api/auth/refresh", new { refreshToken });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Refresh_with_a_tampered_token_is_unauthorized_and_the_real_one_still_works()
    {
        var user = await fixture.RegisterAsync();
        var characters = user.RefreshToken.ToCharArray();
        characters[10] = characters[10] == 'A' ? 'B' : 'A';

        using var tampered = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = new string(characters) });
        await ApiAssert.ProblemAsync(tampered, HttpStatusCode.Unauthorized, "unauthorized");

        using var real = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.JsonAsync(real, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_without_a_token_is_a_validation_failure()
    {
        using var response = await fixture.PostRawAsync("/api/auth/refresh", "{}");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "refreshToken");
    }

    [Fact]
    public async Task Logout_ends_the_session_so_its_access_and_refresh_tokens_stop_working()
    {
        var user = await fixture.RegisterAsync();

        using var logout = await fixture.PostAsync("/api/auth/logout", new { refreshToken = user.RefreshToken }, user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var me = await fixture.GetAsync("/api/users/me", user.AccessToken);
        await ApiAssert.ProblemAsync(me, HttpStatusCode.Unauthorized, "unauthorized");
        using var refresh = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiAssert.ProblemAsync(refresh, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Logout_with_someone_elses_refresh_token_is_forbidden_and_ends_nothing()
    {
        var user = await fixture.RegisterAsync();
        var someoneElse = await fixture.RegisterAsync();

        using var logout = await fixture.PostAsync("/api/auth/logout", new { refreshToken = someoneElse.RefreshToken }, user.AccessToken);

        await ApiAssert.ProblemAsync(logout, HttpStatusCode.Forbidden, "forbidden");
        using var me = await fixture.GetAsync("/api/users/me", someoneElse.AccessToken);
        await ApiAssert.JsonAsync(me, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_without_an_access_token_is_unauthorized()
    {
        var user = await fixture.RegisterAsync();

        using var logout = await fixture.PostAsync("/api/auth/logout", new { refreshToken = user.RefreshToken });

        await ApiAssert.ProblemAsync(logout, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
