using Npgsql;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Chat;

[Collection(ManualClockCollection.Name)]
public sealed class CafeReloadTests(ManualClockFixture fixture)
{
    [Fact]
    public async Task A_collected_cafe_comes_back_with_its_recent_messages_read_from_the_database()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var hub = await fixture.ConnectHubAsync(owner.AccessToken);
        await hub.InvokeAsync("JoinCafe", cafe.Id);
        var sent = await hub.InvokeAsync("SendMessage", cafe.Id, "said before the café slept");
        await hub.InvokeAsync("LeaveCafe", cafe.Id);

        // A row the running café never saw: only a café that reads the table again can hand it out.
        var written = sent.GetProperty("createdAt").GetDateTimeOffset().AddSeconds(1);
        var writtenElsewhere = await InsertMessageAsync(cafe, owner, "written behind the café's back", written);
        fixture.Clock.Advance(ManualClockFixture.CollectionAge + ManualClockFixture.CollectionQuantum);

        var room = await hub.InvokeAsync("JoinCafe", cafe.Id);

        var recent = room.GetProperty("recent").EnumerateArray().Select(message => message.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal([sent.GetProperty("id").GetGuid(), writtenElsewhere], recent);
    }

    private async Task<Guid> InsertMessageAsync(TestCafe cafe, TestUser author, string content, DateTimeOffset createdAt)
    {
        var id = Guid.CreateVersion7(createdAt);
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cafe_messages (id, cafe_id, user_id, username, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafe.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = author.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = author.Username });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = content });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = createdAt });
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
