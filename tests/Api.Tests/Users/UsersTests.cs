using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Users;

[Collection(ApiCollection.Name)]
public sealed class UsersTests(ApiFixture fixture)
{
    [Fact]
    public async Task Me_is_the_signed_in_user()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.GetAsync("/api/users/me", user.AccessToken);

        var me = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(user.Username, me.GetProperty("username").GetString());
        Assert.Equal("member", me.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Interests_are_trimmed_lower_cased_and_kept()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.PutAsync("/api/users/me/interests", new { interests = new[] { "  Board Games ", "JAZZ", "jazz" } }, user.AccessToken);

        var updated = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(["board games", "jazz"], updated.GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
        using var me = await fixture.GetAsync("/api/users/me", user.AccessToken);
        Assert.Equal(["board games", "jazz"], (await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Ten_interests_of_32_characters_are_the_most_allowed()
    {
        var user = await fixture.RegisterAsync();
        var interests = Enumerable.Range(0, 10).Select(i => $"{i}{new string('x', 31)}").ToArray();

        using var response = await fixture.PutAsync("/api/users/me/interests", new { interests }, user.AccessToken);

        Assert.Equal(10, (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("interests").GetArrayLength());
    }

    [Fact]
    public async Task Eleven_interests_are_refused()
    {
        var user = await fixture.RegisterAsync();
        var interests = Enumerable.Range(0, 11).Select(i => $"interest{i}").ToArray();

        using var response = await fixture.PutAsync("/api/users/me/interests", new { interests }, user.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "interests");
    }

    [Theory]
    [InlineData("""{"interests": [""]}""")]
    [InlineData("""{"interests": ["   "]}""")]
    [InlineData("""{"interests": [null]}""")]
    [InlineData("""{"interests": ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]}""")]
    [InlineData("""{}""")]
    public async Task Interests_outside_1_to_32_characters_or_missing_are_refused(string json)
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.SendAsync(
            HttpMethod.Put, "/api/users/me/interests", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), user.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "interests");
        using var me = await fixture.GetAsync("/api/users/me", user.AccessToken);
        Assert.Equal(0, (await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("interests").GetArrayLength());
    }

    [Fact]
    public async Task Poke_enabled_can_be_turned_off_and_on()
    {
        var user = await fixture.RegisterAsync();

        using var off = await fixture.PutAsync("/api/users/me/poke-enabled", new { enabled = false }, user.AccessToken);
        Assert.False((await ApiAssert.JsonAsync(off, HttpStatusCode.OK)).GetProperty("pokeEnabled").GetBoolean());
        using var me = await fixture.GetAsync("/api/users/me", user.AccessToken);
        Assert.False((await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("pokeEnabled").GetBoolean());

        using var on = await fixture.PutAsync("/api/users/me/poke-enabled", new { enabled = true }, user.AccessToken);
        Assert.True((await ApiAssert.JsonAsync(on, HttpStatusCode.OK)).GetProperty("pokeEnabled").GetBoolean());
    }

    [Theory]
    [InlineData("""{}""", "enabled")]
    [InlineData("""{"enabled": "yes"}""", "enabled")]
    public async Task Poke_enabled_needs_a_boolean(string json, string field)
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.SendAsync(
            HttpMethod.Put, "/api/users/me/poke-enabled", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), user.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task Stats_of_a_new_member_are_zero_with_rating_1200()
    {
        var user = await fixture.RegisterAsync();
        var viewer = await fixture.RegisterAsync();

        using var response = await fixture.GetAsync($"/api/users/{user.Id}/stats", viewer.AccessToken);

        var stats = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(0, stats.GetProperty("gamesPlayed").GetInt32());
        Assert.Equal(0, stats.GetProperty("gamesWon").GetInt32());
        Assert.Equal(0, stats.GetProperty("totalScore").GetInt64());
        Assert.Equal(1200, stats.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Stats_of_an_unknown_user_are_not_found()
    {
        var viewer = await fixture.RegisterAsync();

        using var response = await fixture.GetAsync($"/api/users/{Guid.NewGuid()}/stats", viewer.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Stats_of_a_malformed_user_id_are_not_found()
    {
        var viewer = await fixture.RegisterAsync();

        using var response = await fixture.GetAsync("/api/users/not-a-guid/stats", viewer.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
