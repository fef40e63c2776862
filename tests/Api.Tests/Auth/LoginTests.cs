using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class LoginTests(ApiFixture fixture)
{
    [Fact]
    public async Task Login_by_email_in_any_case_signs_the_member_in()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/login", new { login = user.Email!.ToUpperInvariant(), password = Accounts.Password });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var signedIn = Accounts.User(body, user.Email, Accounts.Password);
        Assert.Equal(user.Id, signedIn.Id);
        using var me = await fixture.GetAsync("/api/users/me", signedIn.AccessToken);
        Assert.Equal(user.Id, (await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Login_by_username_in_any_case_signs_the_member_in()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/login", new { login = user.Username.ToUpperInvariant(), password = Accounts.Password });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(user.Id, body.GetProperty("user").GetProperty("id").GetGuid());
        Assert.Equal("member", body.GetProperty("user").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_unauthorized()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = "wrong password" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Login_of_an_unknown_account_is_unauthorized_like_a_wrong_password()
    {
        using var response = await fixture.PostAsync("/api/auth/login", new { login = Names.Username(), password = Accounts.Password });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Login_without_fields_lists_them()
    {
        using var response = await fixture.PostRawAsync("/api/auth/login", "{}");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "login", "password");
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_against_the_right_password()
    {
        var user = await fixture.RegisterAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = $"wrong {attempt}" });
            await ApiAssert.ProblemAsync(failed, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var locked = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = "wrong again" });
        await ApiAssert.ProblemAsync(locked, HttpStatusCode.Locked, "locked");
        Assert.InRange(ApiAssert.RetryAfterSeconds(locked), 1, 15 * 60);

        using var right = await fixture.PostAsync("/api/auth/login", new { login = user.Email, password = Accounts.Password });
        await ApiAssert.ProblemAsync(right, HttpStatusCode.Locked, "locked");
        Assert.InRange(ApiAssert.RetryAfterSeconds(right), 1, 15 * 60);
    }

    [Fact]
    public async Task A_successful_login_resets_the_count_of_failures()
    {
        var user = await fixture.RegisterAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = "wrong" });
            await ApiAssert.ProblemAsync(failed, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var right = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = Accounts.Password });
        await ApiAssert.JsonAsync(right, HttpStatusCode.OK);
        using var wrongOnceMore = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = "wrong" });
        await ApiAssert.ProblemAsync(wrongOnceMore, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
