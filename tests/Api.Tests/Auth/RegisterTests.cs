using System.Net;
using Npgsql;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class RegisterTests(ApiFixture fixture)
{
    [Fact]
    public async Task Register_answers_201_with_tokens_and_a_fresh_member()
    {
        var username = Names.Username();

        using var response = await fixture.PostAsync("/api/auth/register", new { email = Names.Email(username), username, password = Accounts.Password });

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        var user = body.GetProperty("user");
        Assert.NotEqual(Guid.Empty, user.GetProperty("id").GetGuid());
        Assert.Equal(username, user.GetProperty("username").GetString());
        Assert.Equal("member", user.GetProperty("kind").GetString());
        Assert.Equal(0, user.GetProperty("interests").GetArrayLength());
        Assert.Equal(0, user.GetProperty("badges").GetArrayLength());
        Assert.True(user.GetProperty("pokeEnabled").GetBoolean());
    }

    [Fact]
    public async Task Register_stores_the_names_in_the_fixture_database()
    {
        var user = await fixture.RegisterAsync();

        await using var dataSource = fixture.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT username FROM account_names WHERE user_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user.Id });
        Assert.Equal(user.Username, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Register_with_a_taken_email_in_another_case_is_a_conflict()
    {
        var taken = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/auth/register", new { email = taken.Email!.ToUpperInvariant(), username = Names.Username(), password = Accounts.Password });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Register_with_a_taken_username_in_another_case_is_a_conflict()
    {
        var taken = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/auth/register", new { email = Names.Email(Names.Username()), username = taken.Username.ToUpperInvariant(), password = Accounts.Password });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Of_concurrent_registrations_for_one_username_exactly_one_wins()
    {
        var username = Names.Username();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            fixture.PostAsync("/api/auth/register", new { email = $"racer{i}.{username}@example.com", username, password = Accounts.Password })));

        Assert.Equal(1, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        var winner = await ApiAssert.JsonAsync(responses.Single(response => response.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        using var login = await fixture.PostAsync("/api/auth/login", new { login = username, password = Accounts.Password });
        Assert.Equal(winner.GetProperty("user").GetProperty("id").GetGuid(), (await ApiAssert.JsonAsync(login, HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetGuid());
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task A_conflicting_registration_leaves_its_other_name_free()
    {
        var taken = await fixture.RegisterAsync();
        var username = Names.Username();

        using var conflict = await fixture.PostAsync("/api/auth/register", new { email = taken.Email, username, password = Accounts.Password });
        await ApiAssert.ProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");

        var later = await fixture.RegisterAsync(username);
        Assert.Equal(username, later.Username);
        using var login = await fixture.PostAsync("/api/auth/login", new { login = taken.Email, password = Accounts.Password });
        var signedIn = await ApiAssert.JsonAsync(login, HttpStatusCode.OK);
        Assert.Equal(taken.Id, signedIn.GetProperty("user").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_refused_registration_leaves_its_email_and_username_free()
    {
        var username = Names.Username();

        using var refused = await fixture.PostAsync("/api/auth/register", new { email = Names.Email(username), username, password = "short" });
        await ApiAssert.ProblemAsync(refused, HttpStatusCode.BadRequest, "validation_failed", "password");

        Assert.Equal(username, (await fixture.RegisterAsync(username)).Username);
    }

    [Fact]
    public async Task Register_without_fields_lists_each_missing_field()
    {
        using var response = await fixture.PostRawAsync("/api/auth/register", "{}");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "email", "username", "password");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    [InlineData("has space")]
    [InlineData("dash-ed")]
    [InlineData("émile")]
    public async Task Register_refuses_a_username_outside_3_to_24_letters_digits_and_underscores(string username)
    {
        using var response = await fixture.PostAsync("/api/auth/register", new { email = Names.Email(Names.Username()), username, password = Accounts.Password });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "username");
    }

    [Fact]
    public async Task Register_refuses_a_password_under_8_characters()
    {
        var username = Names.Username();

        using var response = await fixture.PostAsync("/api/auth/register", new { email = Names.Email(username), username, password = "1234567" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "password");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("Name <name@example.com>")]
    public async Task Register_refuses_a_malformed_email(string email)
    {
        using var response = await fixture.PostAsync("/api/auth/register", new { email, username = Names.Username(), password = Accounts.Password });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "email");
    }

    [Fact]
    public async Task Register_with_a_field_of_the_wrong_JSON_type_names_the_field()
    {
        using var response = await fixture.PostRawAsync("/api/auth/register", """{"email": 42, "username": "someone", "password": "long enough"}""");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "email");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("""{"email": "a@example.com",}""")]
    public async Task Register_with_malformed_JSON_is_a_validation_failure(string json)
    {
        using var response = await fixture.PostRawAsync("/api/auth/register", json);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Register_with_an_empty_JSON_body_is_a_validation_failure()
    {
        using var response = await fixture.PostRawAsync("/api/auth/register", "");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Register_without_a_body_is_a_validation_failure()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, "/api/auth/register", content: null, accessToken: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Register_with_a_body_that_is_not_JSON_is_refused_as_unsupported_media()
    {
        var username = Names.Username();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = Names.Email(username), ["username"] = username, ["password"] = Accounts.Password });

        using var response = await fixture.SendAsync(HttpMethod.Post, "/api/auth/register", form, accessToken: null);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "validation_failed");
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        var username = Names.Username();

        using var response = await fixture.PostAsync(
            "/api/auth/register", new { email = Names.Email(username), username, password = new string('p', 70 * 1024) });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "validation_failed");
        Assert.Equal(username, (await fixture.RegisterAsync(username)).Username);
    }
}
