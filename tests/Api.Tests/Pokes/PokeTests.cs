using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Pokes;

[Collection(ApiCollection.Name)]
public sealed class PokeTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_poke_reaches_the_receiver_without_its_sender()
    {
        var sender = await fixture.RegisterAsync();
        var receiver = await fixture.RegisterAsync();
        await using var receiverHub = await fixture.ConnectHubAsync(receiver.AccessToken);

        var sent = await PokeAsync(sender, receiver, "chess");

        Assert.Equal("pending", sent.GetProperty("status").GetString());
        var received = await receiverHub.WaitForEventAsync("pokeReceived");
        Assert.Equal(sent.GetProperty("pokeId").GetGuid(), received.GetProperty("pokeId").GetGuid());
        Assert.Equal("chess", received.GetProperty("sharedInterest").GetString());
        Assert.DoesNotContain(sender.Id.ToString(), received.GetRawText(), StringComparison.OrdinalIgnoreCase);
        using var pending = await fixture.GetAsync("/api/pokes/pending", receiver.AccessToken);
        var list = await ApiAssert.JsonAsync(pending, HttpStatusCode.OK);
        Assert.Equal(sent.GetProperty("pokeId").GetGuid(), Assert.Single(list.EnumerateArray()).GetProperty("pokeId").GetGuid());
        Assert.DoesNotContain(sender.Id.ToString(), list.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_poke_back_is_a_match_that_opens_one_channel_for_both()
    {
        var first = await fixture.RegisterAsync();
        var second = await fixture.RegisterAsync();
        await using var firstHub = await fixture.ConnectHubAsync(first.AccessToken);
        await using var secondHub = await fixture.ConnectHubAsync(second.AccessToken);
        await PokeAsync(first, second, "jazz");

        var back = await PokeAsync(second, first, "jazz");

        Assert.Equal("matched", back.GetProperty("status").GetString());
        var channelId = back.GetProperty("channelId").GetGuid();
        var toFirst = await firstHub.WaitForEventAsync("pokeMatched");
        var toSecond = await secondHub.WaitForEventAsync("pokeMatched");
        Assert.Equal(channelId, toFirst.GetProperty("channelId").GetGuid());
        Assert.Equal(second.Id, toFirst.GetProperty("matchedUser").GetProperty("userId").GetGuid());
        Assert.Equal(first.Id, toSecond.GetProperty("matchedUser").GetProperty("userId").GetGuid());
        Assert.Equal([channelId], await ChannelsAsync(first));
        Assert.Equal([channelId], await ChannelsAsync(second));
    }

    [Fact]
    public async Task Simultaneous_mutual_pokes_make_exactly_one_channel()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = await fixture.RegisterAsync();
            var b = await fixture.RegisterAsync();

            var results = await Task.WhenAll(PokeAsync(a, b, "tea"), PokeAsync(b, a, "tea"));

            Assert.Equal(["matched", "pending"], results.Select(r => r.GetProperty("status").GetString()).Order());
            var channel = results.Single(r => r.GetProperty("status").GetString() == "matched").GetProperty("channelId").GetGuid();
            Assert.Equal([channel], await ChannelsAsync(a));
            Assert.Equal([channel], await ChannelsAsync(b));
        }
    }

    [Fact]
    public async Task Poking_oneself_or_twice_in_the_same_direction_is_a_conflict()
    {
        var a = await fixture.RegisterAsync();
        var b = await fixture.RegisterAsync();
        await PokeAsync(a, b, "tea");

        using var self = await fixture.PostAsync("/api/pokes/send", new { toUserId = a.Id, sharedInterest = "tea" }, a.AccessToken);
        using var again = await fixture.PostAsync("/api/pokes/send", new { toUserId = b.Id, sharedInterest = "tea" }, a.AccessToken);

        await ApiAssert.ProblemAsync(self, HttpStatusCode.Conflict, "conflict");
        await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Unknown_users_and_users_with_poking_off_cannot_be_poked()
    {
        var a = await fixture.RegisterAsync();
        var shy = await fixture.RegisterAsync();
        using (var off = await fixture.PutAsync("/api/users/me/poke-enabled", new { enabled = false }, shy.AccessToken))
        {
            await ApiAssert.JsonAsync(off, HttpStatusCode.OK);
        }

        using var unknown = await fixture.PostAsync("/api/pokes/send", new { toUserId = Guid.NewGuid(), sharedInterest = "tea" }, a.AccessToken);
        using var refused = await fixture.PostAsync("/api/pokes/send", new { toUserId = shy.Id, sharedInterest = "tea" }, a.AccessToken);

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        await ApiAssert.ProblemAsync(refused, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_sixth_poke_of_a_day_is_rate_limited()
    {
        var a = await fixture.RegisterAsync();
        for (var i = 0; i < 5; i++) await PokeAsync(a, await fixture.RegisterAsync(), "tea");

        var target = await fixture.RegisterAsync();
        using var sixth = await fixture.PostAsync("/api/pokes/send", new { toUserId = target.Id, sharedInterest = "tea" }, a.AccessToken);

        await ApiAssert.ProblemAsync(sixth, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(ApiAssert.RetryAfterSeconds(sixth), 1, 24 * 3600);
    }

    [Fact]
    public async Task Declining_ends_a_poke_and_answering_again_is_a_conflict()
    {
        var a = await fixture.RegisterAsync();
        var b = await fixture.RegisterAsync();
        var poke = (await PokeAsync(a, b, "tea")).GetProperty("pokeId").GetGuid();

        using var stranger = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "accept" }, a.AccessToken);
        using var declined = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "decline" }, b.AccessToken);
        using var again = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "accept" }, b.AccessToken);
        using var nonsense = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "maybe" }, b.AccessToken);

        await ApiAssert.ProblemAsync(stranger, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("declined", (await ApiAssert.JsonAsync(declined, HttpStatusCode.OK)).GetProperty("status").GetString());
        await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict, "conflict");
        await ApiAssert.ProblemAsync(nonsense, HttpStatusCode.BadRequest, "validation_failed", "action");
        Assert.Empty(await ChannelsAsync(b));
    }

    [Fact]
    public async Task Accepting_a_poke_is_a_match()
    {
        var a = await fixture.RegisterAsync();
        var b = await fixture.RegisterAsync();
        var poke = (await PokeAsync(a, b, "tea")).GetProperty("pokeId").GetGuid();

        using var accepted = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "accept" }, b.AccessToken);

        var result = await ApiAssert.JsonAsync(accepted, HttpStatusCode.OK);
        Assert.Equal("matched", result.GetProperty("status").GetString());
        Assert.Equal([result.GetProperty("channelId").GetGuid()], await ChannelsAsync(a));
    }

    private async Task<JsonElement> PokeAsync(TestUser from, TestUser to, string interest)
    {
        using var response = await fixture.PostAsync("/api/pokes/send", new { toUserId = to.Id, sharedInterest = interest }, from.AccessToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<Guid[]> ChannelsAsync(TestUser user)
    {
        using var response = await fixture.GetAsync("/api/dm/channels", user.AccessToken);
        return [.. (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }
}
