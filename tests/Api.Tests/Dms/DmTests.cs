using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Dms;

[Collection(ApiCollection.Name)]
public sealed class DmTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_direct_message_reaches_both_members_and_is_kept()
    {
        var (a, b, channel) = await MatchedAsync();
        await using var aHub = await fixture.ConnectHubAsync(a.AccessToken);
        await using var bHub = await fixture.ConnectHubAsync(b.AccessToken);

        using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = "  hi there  " }, a.AccessToken);

        var sent = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("hi there", sent.GetProperty("content").GetString());
        Assert.Equal(sent.GetProperty("id").GetGuid(), (await bHub.WaitForEventAsync("dmMessage")).GetProperty("id").GetGuid());
        Assert.Equal(sent.GetProperty("id").GetGuid(), (await aHub.WaitForEventAsync("dmMessage")).GetProperty("id").GetGuid());
        using var history = await fixture.GetAsync($"/api/dm/{channel}/messages", b.AccessToken);
        Assert.Equal("hi there", (await ApiAssert.JsonAsync(history, HttpStatusCode.OK))[0].GetProperty("content").GetString());
        using var channels = await fixture.GetAsync("/api/dm/channels", b.AccessToken);
        var entry = (await ApiAssert.JsonAsync(channels, HttpStatusCode.OK))[0];
        Assert.Equal(a.Id, entry.GetProperty("otherUser").GetProperty("userId").GetGuid());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, entry.GetProperty("lastMessageAt").ValueKind);
    }

    [Fact]
    public async Task History_pages_newest_first_and_before_a_message_gives_the_older_page()
    {
        var (a, b, channel) = await MatchedAsync();
        var sent = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = $"message {i}" }, i % 2 == 0 ? a.AccessToken : b.AccessToken);
            sent.Add((await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        using var newest = await fixture.GetAsync($"/api/dm/{channel}/messages?limit=2", b.AccessToken);
        var firstPage = Ids(await ApiAssert.JsonAsync(newest, HttpStatusCode.OK));
        using var older = await fixture.GetAsync($"/api/dm/{channel}/messages?before={firstPage[^1]}&limit=2", b.AccessToken);
        var secondPage = Ids(await ApiAssert.JsonAsync(older, HttpStatusCode.OK));
        using var oldest = await fixture.GetAsync($"/api/dm/{channel}/messages?before={secondPage[^1]}&limit=2", b.AccessToken);
        var lastPage = Ids(await ApiAssert.JsonAsync(oldest, HttpStatusCode.OK));

        Assert.Equal([sent[4], sent[3]], firstPage);
        Assert.Equal([sent[2], sent[1]], secondPage);
        Assert.Equal([sent[0]], lastPage);
    }

    [Fact]
    public async Task Anyone_else_finds_no_channel()
    {
        var (_, _, channel) = await MatchedAsync();
        var stranger = await fixture.RegisterAsync();

        using var read = await fixture.GetAsync($"/api/dm/{channel}/messages", stranger.AccessToken);
        using var write = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = "let me in" }, stranger.AccessToken);
        using var unknown = await fixture.GetAsync($"/api/dm/{Guid.NewGuid()}/messages", stranger.AccessToken);

        await ApiAssert.ProblemAsync(read, HttpStatusCode.NotFound, "not_found");
        await ApiAssert.ProblemAsync(write, HttpStatusCode.NotFound, "not_found");
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Only_the_author_deletes_a_direct_message()
    {
        var (a, b, channel) = await MatchedAsync();
        using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = "delete me" }, a.AccessToken);
        var id = (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var byOther = await fixture.SendAsync(HttpMethod.Delete, $"/api/dm/messages/{id}", null, b.AccessToken);
        using var byAuthor = await fixture.SendAsync(HttpMethod.Delete, $"/api/dm/messages/{id}", null, a.AccessToken);

        await ApiAssert.ProblemAsync(byOther, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, byAuthor.StatusCode);
        using var history = await fixture.GetAsync($"/api/dm/{channel}/messages", a.AccessToken);
        Assert.Equal(0, (await ApiAssert.JsonAsync(history, HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Deleting_a_direct_message_tells_both_members()
    {
        var (a, b, channel) = await MatchedAsync();
        await using var aHub = await fixture.ConnectHubAsync(a.AccessToken);
        await using var bHub = await fixture.ConnectHubAsync(b.AccessToken);
        using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = "sent too soon" }, a.AccessToken);
        var id = (await ApiAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/api/dm/messages/{id}", null, a.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var hub in new[] { bHub, aHub })
        {
            var deletion = await hub.WaitForEventAsync("dmMessageDeleted");
            Assert.Equal(channel, deletion.GetProperty("channelId").GetGuid());
            Assert.Equal(id, deletion.GetProperty("messageId").GetGuid());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_messages_are_refused(string content)
    {
        var (a, _, channel) = await MatchedAsync();

        using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content }, a.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Messages_over_2000_characters_are_refused()
    {
        var (a, _, channel) = await MatchedAsync();

        using var response = await fixture.PostAsync($"/api/dm/{channel}/messages", new { content = new string('x', 2001) }, a.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    private static Guid[] Ids(System.Text.Json.JsonElement messages) => [.. messages.EnumerateArray().Select(m => m.GetProperty("id").GetGuid())];

    private async Task<(TestUser A, TestUser B, Guid Channel)> MatchedAsync()
    {
        var a = await fixture.RegisterAsync();
        var b = await fixture.RegisterAsync();
        using (var poke = await fixture.PostAsync("/api/pokes/send", new { toUserId = b.Id, sharedInterest = "tea" }, a.AccessToken))
        {
            await ApiAssert.JsonAsync(poke, HttpStatusCode.OK);
        }

        using var back = await fixture.PostAsync("/api/pokes/send", new { toUserId = a.Id, sharedInterest = "tea" }, b.AccessToken);
        return (a, b, (await ApiAssert.JsonAsync(back, HttpStatusCode.OK)).GetProperty("channelId").GetGuid());
    }
}
