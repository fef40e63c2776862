using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Chat;

[Collection(ApiCollection.Name)]
public sealed class ChatRulesTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_same_text_twice_is_refused_and_a_second_refusal_mutes_the_sender()
    {
        var (_, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        await hub.InvokeAsync("SendMessage", cafe.Id, "anyone for chess?");

        HubAssert.Error("validation_failed", await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "Anyone for chess?"));
        var mute = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "anyone for chess?");
        var after = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "something else entirely");

        HubAssert.Error("muted", mute);
        HubAssert.Error("muted", after);
        Assert.Contains("retry after", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_two_links_are_refused()
    {
        var (_, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;

        var error = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "https://a.example https://b.example https://c.example");

        HubAssert.Error("validation_failed", error);
    }

    [Fact]
    public async Task Shouting_passes_with_a_warning_for_the_sender_only()
    {
        var (owner, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);

        var sent = await hub.InvokeAsync("SendMessage", cafe.Id, "BEST COFFEE IN TOWN");

        Assert.False(string.IsNullOrEmpty(sent.GetProperty("warning").GetString()));
        var received = await ownerHub.WaitForEventAsync("chatMessage");
        Assert.True(received.GetProperty("warning").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_thirty_first_message_in_a_minute_is_rate_limited_with_the_wait()
    {
        var (_, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        for (var i = 0; i < 30; i++) await hub.InvokeAsync("SendMessage", cafe.Id, $"message number {i}");

        var error = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "one too many");

        HubAssert.Error("rate_limited", error);
        Assert.Contains("retry after", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_are_refused()
    {
        var (_, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;

        HubAssert.Error("validation_failed", await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "bell\u0007"));
    }

    [Fact]
    public async Task The_owner_mutes_and_unmutes_a_member()
    {
        var (owner, member, cafe, hub) = await InCafeAsync();
        await using var _ = hub;

        using (var mute = await fixture.PostAsync($"/api/cafes/{cafe.Id}/mutes", new { userId = member.Id, minutes = 10 }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, mute.StatusCode);
        }

        HubAssert.Error("muted", await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "can anyone hear me"));
        using (var unmute = await fixture.SendAsync(HttpMethod.Delete, $"/api/cafes/{cafe.Id}/mutes/{member.Id}", null, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, unmute.StatusCode);
        }

        await hub.InvokeAsync("SendMessage", cafe.Id, "back again");
    }

    [Fact]
    public async Task Only_the_owner_mutes()
    {
        var (_, member, cafe, hub) = await InCafeAsync();
        await using var _ = hub;

        using var response = await fixture.PostAsync($"/api/cafes/{cafe.Id}/mutes", new { userId = member.Id, minutes = 10 }, member.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Typing_reaches_the_others_in_the_cafe()
    {
        var (owner, member, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);

        await hub.InvokeAsync("StartTyping", cafe.Id);

        var typing = await ownerHub.WaitForEventAsync("typing");
        Assert.Equal(member.Id, typing.GetProperty("userId").GetGuid());
        Assert.Equal(member.Username, typing.GetProperty("username").GetString());
    }

    [Fact]
    public async Task The_author_deletes_a_message_and_everyone_is_told()
    {
        var (owner, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        var id = (await hub.InvokeAsync("SendMessage", cafe.Id, "oops, wrong room")).GetProperty("id").GetGuid();

        using var response = await fixture.SendAsync(HttpMethod.Delete, $"/api/chat/messages/{id}", null, (await fixture.RegisterAsync()).AccessToken);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        using var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/api/chat/messages/{id}", null, owner.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await ownerHub.WaitForEventAsync("messageDeleted");
        Assert.Equal(id, gone.GetProperty("messageId").GetGuid());
        using var history = await fixture.GetAsync($"/api/chat/messages/{cafe.Id}", owner.AccessToken);
        Assert.Equal(0, (await ApiAssert.JsonAsync(history, HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task History_pages_newest_first_before_a_message()
    {
        var (owner, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        for (var i = 1; i <= 3; i++) await hub.InvokeAsync("SendMessage", cafe.Id, $"line {i}");

        using var first = await fixture.GetAsync($"/api/chat/messages/{cafe.Id}?limit=2", owner.AccessToken);
        var page = await ApiAssert.JsonAsync(first, HttpStatusCode.OK);
        var oldestShown = page[1].GetProperty("id").GetGuid();
        using var second = await fixture.GetAsync($"/api/chat/messages/{cafe.Id}?limit=2&before={oldestShown}", owner.AccessToken);
        var rest = await ApiAssert.JsonAsync(second, HttpStatusCode.OK);

        Assert.Equal(["line 3", "line 2"], page.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["line 1"], rest.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        using var tooMany = await fixture.GetAsync($"/api/chat/messages/{cafe.Id}?limit=101", owner.AccessToken);
        await ApiAssert.ProblemAsync(tooMany, HttpStatusCode.BadRequest, "validation_failed", "limit");
    }

    [Fact]
    public async Task Topics_count_the_words_of_recent_messages()
    {
        var (owner, _, cafe, hub) = await InCafeAsync();
        await using var _ = hub;
        await hub.InvokeAsync("SendMessage", cafe.Id, "Espresso tonic is the espresso of summer");

        var pushed = await hub.WaitForEventAsync("topics");
        using var response = await fixture.GetAsync($"/api/chat/topics/{cafe.Id}", owner.AccessToken);
        var topics = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("espresso", topics[0].GetProperty("word").GetString());
        Assert.Equal(2, topics[0].GetProperty("count").GetInt32());
        Assert.Equal("espresso", pushed.GetProperty("topics")[0].GetProperty("word").GetString());
    }

    private async Task<(TestUser Owner, TestUser Member, TestCafe Cafe, HubTestClient Hub)> InCafeAsync()
    {
        var owner = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var hub = await fixture.ConnectHubAsync(member.AccessToken);
        await hub.InvokeAsync("JoinCafe", cafe.Id);
        return (owner, member, cafe, hub);
    }
}
