using Microsoft.Extensions.DependencyInjection;
using Platform.Actors;
using Platform.Grains.Cafes;

namespace Platform.Grains.Tests.Cafes;

/// <summary>Messages sent to a café while it is being collected are stored and answered by one activation or the next.</summary>
public sealed class CafeDeactivationTests : ManualClockClusterTests
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(15); // the runtime's default, checked each minute

    // A lease longer than the test, so that no lease timer's tick is in flight when the collector looks for idle cafés.
    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Platform:Events:SubscriptionLifetime"] = "01:00:00";

    [Fact]
    public async Task Messages_sent_while_the_cafe_is_collected_are_all_stored_and_none_is_lost()
    {
        var cafe = Grains.GetGrain<ICafeGrain>(Guid.NewGuid());
        await cafe.Create(new NewCafe(Guid.NewGuid(), "Sleepy Café", "1 Test Street", "sleepy-wifi", 52.52, 13.405, 100));
        var member = new CafeVisitor(Guid.NewGuid(), "member", "connection-1");
        await cafe.Enter(member);

        // The collector starts deactivating the idle café; the node's renewal and the messages race with it.
        Clock.Advance(CollectionAge + TimeSpan.FromMinutes(2));
        var renewed = cafe.Renew([member]);
        var sends = Enumerable.Range(0, 20).Select(i => cafe.SendMessage(member.UserId, $"message {i} of the night")).ToArray();
        await renewed;
        var sent = await Task.WhenAll(sends);

        var stored = await Cluster.Silos[0].Services.GetRequiredService<CafeMessages>().PageAsync(cafe.GetPrimaryKey(), null, 100);
        Assert.Equal(sent.Select(m => m.Id).Order(), stored.Select(m => m.Id).Order());
    }
}
