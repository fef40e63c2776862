using Npgsql;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Chat;

[Collection(ApiCollection.Name)]
public sealed class CafeChatTests(ApiFixture fixture)
{
    [Fact]
    public async Task JoinCafe_answers_the_cafe_who_is_online_and_recent_messages_and_tells_the_others()
    {
        var owner = await fixture.RegisterAsync();
        var visitor = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var visitorHub = await fixture.ConnectHubAsync(visitor.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);

        var room = await visitorHub.InvokeAsync("JoinCafe", cafe.Id);

        Assert.Equal(cafe.Id, room.GetProperty("cafe").GetProperty("id").GetGuid());
        Assert.Equal(cafe.Name, room.GetProperty("cafe").GetProperty("name").GetString());
        Assert.Equal(2, room.GetProperty("cafe").GetProperty("onlineCount").GetInt32());
        Assert.Equal(new[] { owner.Id, visitor.Id }.Order(), Presence.Online(room).Order());
        Assert.Contains(room.GetProperty("online").EnumerateArray(), user => user.GetProperty("username").GetString() == visitor.Username);
        Assert.Equal(0, room.GetProperty("recent").GetArrayLength());
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, visitor));
    }

    [Fact]
    public async Task SendMessage_reaches_everyone_in_the_cafe_as_chatMessage()
    {
        var owner = await fixture.RegisterAsync();
        var visitor = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var visitorHub = await fixture.ConnectHubAsync(visitor.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await visitorHub.InvokeAsync("JoinCafe", cafe.Id);

        var sent = await visitorHub.InvokeAsync("SendMessage", cafe.Id, "  Hello, café!  ");

        var received = await ownerHub.WaitForEventAsync("chatMessage");
        Assert.Equal(sent.GetProperty("id").GetGuid(), received.GetProperty("id").GetGuid());
        Assert.Equal(cafe.Id, received.GetProperty("cafeId").GetGuid());
        Assert.Equal(visitor.Id, received.GetProperty("userId").GetGuid());
        Assert.Equal(visitor.Username, received.GetProperty("username").GetString());
        Assert.Equal("Hello, café!", received.GetProperty("content").GetString());
        Assert.InRange(received.GetProperty("createdAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(sent.GetProperty("createdAt").GetDateTimeOffset(), received.GetProperty("createdAt").GetDateTimeOffset());
        await visitorHub.WaitForEventAsync("chatMessage", message => message.GetProperty("id").GetGuid() == sent.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Messages_and_presence_stay_in_their_cafe()
    {
        var owner = await fixture.RegisterAsync();
        var elsewhere = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var otherCafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var elsewhereHub = await fixture.ConnectHubAsync(elsewhere.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await ownerHub.InvokeAsync("JoinCafe", otherCafe.Id);
        await elsewhereHub.InvokeAsync("JoinCafe", otherCafe.Id);
        var before = elsewhereHub.EventCount;

        await ownerHub.InvokeAsync("SendMessage", cafe.Id, "only for the first café");
        await ownerHub.InvokeAsync("SendMessage", otherCafe.Id, "for the other café");

        var received = await elsewhereHub.WaitForEventAsync("chatMessage", after: before);
        Assert.Equal("for the other café", received.GetProperty("content").GetString());
        Assert.Equal(otherCafe.Id, received.GetProperty("cafeId").GetGuid());
        Assert.False(elsewhereHub.HasEvent("chatMessage", message => message.GetProperty("cafeId").GetGuid() == cafe.Id));
        Assert.False(elsewhereHub.HasEvent("presence", presence => presence.GetProperty("cafeId").GetGuid() == cafe.Id));
    }

    [Fact]
    public async Task A_sent_message_is_stored_and_handed_to_whoever_joins_later()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        Guid messageId;
        await using (var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken))
        {
            await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
            messageId = (await ownerHub.InvokeAsync("SendMessage", cafe.Id, "kept for later")).GetProperty("id").GetGuid();
        }

        await using (var dataSource = fixture.Database.CreateDataSource())
        await using (var command = dataSource.CreateCommand("SELECT content FROM cafe_messages WHERE id = $1 AND cafe_id = $2"))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafe.Id });
            Assert.Equal("kept for later", await command.ExecuteScalarAsync());
        }

        var visitor = await fixture.RegisterAsync();
        await using var visitorHub = await fixture.ConnectHubAsync(visitor.AccessToken);
        var room = await visitorHub.InvokeAsync("JoinCafe", cafe.Id);
        var recent = Assert.Single(room.GetProperty("recent").EnumerateArray());
        Assert.Equal(messageId, recent.GetProperty("id").GetGuid());
        Assert.Equal("kept for later", recent.GetProperty("content").GetString());
        Assert.Equal(owner.Username, recent.GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_message_of_1000_characters_is_accepted()
    {
        var user = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(user);
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);
        await hub.InvokeAsync("JoinCafe", cafe.Id);

        var sent = await hub.InvokeAsync("SendMessage", cafe.Id, new string('a', 1000));

        Assert.Equal(1000, sent.GetProperty("content").GetString()!.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_message_is_a_validation_failure(string? content)
    {
        var user = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(user);
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);
        await hub.InvokeAsync("JoinCafe", cafe.Id);

        var error = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, content);

        HubAssert.Error("validation_failed", error);
    }

    [Fact]
    public async Task A_message_of_1001_characters_is_a_validation_failure_and_is_not_sent()
    {
        var owner = await fixture.RegisterAsync();
        var visitor = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var visitorHub = await fixture.ConnectHubAsync(visitor.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await visitorHub.InvokeAsync("JoinCafe", cafe.Id);

        var error = await visitorHub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, new string('a', 1001));
        await visitorHub.InvokeAsync("SendMessage", cafe.Id, "after the long one");

        HubAssert.Error("validation_failed", error);
        var first = await ownerHub.WaitForEventAsync("chatMessage");
        Assert.Equal("after the long one", first.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Writing_in_a_cafe_one_has_not_joined_is_forbidden()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var stranger = await fixture.RegisterAsync();
        await using var hub = await fixture.ConnectHubAsync(stranger.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "hello?");

        HubAssert.Error("forbidden", error);
    }

    [Fact]
    public async Task Joining_an_unknown_cafe_is_not_found()
    {
        var user = await fixture.RegisterAsync();
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync("JoinCafe", Guid.NewGuid());

        HubAssert.Error("not_found", error);
    }

    [Fact]
    public async Task A_guest_joins_its_own_cafe_but_not_another()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var otherCafe = await fixture.CreateCafeAsync(owner);
        var guest = await fixture.JoinAsGuestAsync(owner, cafe);
        await using var hub = await fixture.ConnectHubAsync(guest.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync("JoinCafe", otherCafe.Id);
        var room = await hub.InvokeAsync("JoinCafe", cafe.Id);

        HubAssert.Error("forbidden", error);
        Assert.Equal([guest.Id], Presence.Online(room));
    }

    [Fact]
    public async Task Two_connections_of_one_user_count_once_and_the_user_stays_until_the_last_closes()
    {
        var owner = await fixture.RegisterAsync();
        var visitor = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        var phone = await fixture.ConnectHubAsync(visitor.AccessToken);
        var laptop = await fixture.ConnectHubAsync(visitor.AccessToken);
        await phone.InvokeAsync("JoinCafe", cafe.Id);

        var room = await laptop.InvokeAsync("JoinCafe", cafe.Id);

        Assert.Equal(new[] { owner.Id, visitor.Id }.Order(), Presence.Online(room).Order());
        Assert.Equal(2, room.GetProperty("cafe").GetProperty("onlineCount").GetInt32());
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, visitor));

        var beforeClosing = ownerHub.EventCount;
        await phone.DisposeAsync();
        await laptop.InvokeAsync("SendMessage", cafe.Id, "still here");
        await ownerHub.WaitForEventAsync("chatMessage", after: beforeClosing);
        Assert.False(ownerHub.HasEvent("presence", after: beforeClosing), "Closing one of two connections changes nobody's presence.");

        await laptop.DisposeAsync();
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner), after: beforeClosing);
    }

    [Fact]
    public async Task LeaveCafe_takes_the_user_out_of_the_room_and_its_events()
    {
        var owner = await fixture.RegisterAsync();
        var visitor = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var visitorHub = await fixture.ConnectHubAsync(visitor.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await visitorHub.InvokeAsync("JoinCafe", cafe.Id);
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, visitor));
        var beforeLeaving = ownerHub.EventCount;

        await visitorHub.InvokeAsync("LeaveCafe", cafe.Id);

        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner), after: beforeLeaving);
        var visitorEvents = visitorHub.EventCount;
        await ownerHub.InvokeAsync("SendMessage", cafe.Id, "only for those still here");
        await ownerHub.WaitForEventAsync("chatMessage", after: beforeLeaving);
        var error = await visitorHub.InvokeExpectingErrorAsync("SendMessage", cafe.Id, "can I still write?");
        HubAssert.Error("forbidden", error);
        Assert.False(visitorHub.HasEvent("chatMessage", after: visitorEvents));
    }
}
