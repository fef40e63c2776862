using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Quiz;

[Collection(ApiCollection.Name)]
public sealed class QuestionImportTests(ApiFixture fixture)
{
    [Fact]
    public async Task An_admin_imports_questions_once_and_a_game_can_be_played_with_them()
    {
        var admin = await AdminAsync();
        var category = $"cat{Guid.NewGuid():N}"[..12];
        var questions = new[]
        {
            new { text = "Two plus two?", options = new[] { "3", "4" }, correctIndex = 1, points = 1 },
            new { text = "The colour of the sky on a clear day?", options = new[] { "Blue", "Green", "Red" }, correctIndex = 0, points = 2 },
        };

        using var first = await fixture.PostAsync("/api/questions/import", new { category, questions }, admin.AccessToken);
        using var again = await fixture.PostAsync("/api/questions/import", new { category, questions }, admin.AccessToken);

        var added = await ApiAssert.JsonAsync(first, HttpStatusCode.OK);
        Assert.Equal((2, 0), (added.GetProperty("added").GetInt32(), added.GetProperty("skipped").GetInt32()));
        var repeated = await ApiAssert.JsonAsync(again, HttpStatusCode.OK);
        Assert.Equal((0, 2), (repeated.GetProperty("added").GetInt32(), repeated.GetProperty("skipped").GetInt32()));
    }

    [Fact]
    public async Task Only_admins_import()
    {
        var member = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/questions/import",
            new { category = "sneaky", questions = new[] { new { text = "Q?", options = new[] { "a", "b" }, correctIndex = 0 } } },
            member.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Questions_that_break_the_rules_are_refused_by_field_and_none_is_stored()
    {
        var admin = await AdminAsync();

        using var response = await fixture.PostAsync(
            "/api/questions/import",
            new
            {
                category = "broken",
                questions = new object[]
                {
                    new { text = "Fine?", options = new[] { "yes", "no" }, correctIndex = 0 },
                    new { text = "", options = new[] { "only one" }, correctIndex = 3 },
                },
            },
            admin.AccessToken);

        await ApiAssert.ProblemAsync(
            response, HttpStatusCode.BadRequest, "validation_failed", "questions[1].text", "questions[1].options", "questions[1].correctIndex");
    }

    private async Task<TestUser> AdminAsync()
    {
        using var login = await fixture.PostAsync("/api/auth/login", new { login = fixture.AdminUsername, password = Accounts.Password });
        return login.StatusCode == HttpStatusCode.OK
            ? Accounts.User(await ApiAssert.JsonAsync(login, HttpStatusCode.OK), Names.Email(fixture.AdminUsername), Accounts.Password)
            : await fixture.RegisterAsync(fixture.AdminUsername);
    }
}
