using Platform.Actors;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;

namespace Platform.Grains.Tests.Cafes;

/// <summary>
/// A café's room is held by the API nodes: each renews its connections there, so the room forgets the
/// connections of a node that died, and a café that restarted learns its room again.
/// </summary>
public sealed class CafeRoomTests : ManualClockClusterTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(3); // the event subscription's lifetime, by default

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Platform:Cafes:PresenceInterval"] = "00:00:00";

    [Fact]
    public async Task Connections_that_no_node_renews_leave_the_room_after_the_lease()
    {
        var cafe = await CreateCafeAsync();
        var (gone, staying) = (Visitor("gone"), Visitor("staying"));
        await cafe.Enter(gone);
        await cafe.Enter(staying);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        await cafe.Renew([staying]);
        Assert.Equal(2, (await cafe.GetPresence()).Length);
        Clock.Advance(Lease / 2 + TimeSpan.FromSeconds(1));

        await EventuallyAsync(async () => (await cafe.GetPresence()).Select(user => user.UserId).SequenceEqual([staying.UserId]));
    }

    [Fact]
    public async Task A_cafe_that_restarted_gets_its_room_back_from_the_nodes_renewal()
    {
        var cafe = await CreateCafeAsync();
        var member = Visitor("member");
        await cafe.Enter(member);

        await RestartSiloAsync();
        cafe = Grains.GetGrain<ICafeGrain>(cafe.GetPrimaryKey()); // a reference from the new silo
        Assert.Empty(await cafe.GetPresence());
        var refused = await Assert.ThrowsAsync<PlatformException>(() => cafe.SendMessage(member.UserId, "anyone here?"));
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);

        await cafe.Renew([member]);

        Assert.Equal(new OnlineUser(member.UserId, member.Username), Assert.Single(await cafe.GetPresence()));
        Assert.Equal("anyone here?", (await cafe.SendMessage(member.UserId, "anyone here?")).Content);
    }

    private async Task<ICafeGrain> CreateCafeAsync()
    {
        var cafe = Grains.GetGrain<ICafeGrain>(Guid.NewGuid());
        await cafe.Create(new NewCafe(Guid.NewGuid(), "Room Café", "1 Test Street", "room-wifi", 52.52, 13.405, 100));
        return cafe;
    }

    private static CafeVisitor Visitor(string name) => new(Guid.NewGuid(), name, $"connection-{name}");
}
