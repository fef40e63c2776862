using Microsoft.Extensions.DependencyInjection;
using Platform.Actors;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;
using Platform.Grains.Cafes;
using Platform.Grains.Events;

namespace Platform.Api.Tests.Chat;

[Collection(ManualClockCollection.Name)]
public sealed class CafeRoomRenewalTests(ManualClockFixture fixture)
{
    // Each API node renews its subscriptions, and with the café's its connections in the room, at a third of the lifetime.
    private static readonly TimeSpan RenewPeriod = new GrainEventOptions().SubscriptionLifetime / 3;

    [Fact]
    public async Task A_cafe_that_forgot_its_room_hears_of_the_nodes_members_again_at_the_next_renewal()
    {
        var owner = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var memberHub = await fixture.ConnectHubAsync(member.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await memberHub.InvokeAsync("JoinCafe", cafe.Id);
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, member));

        // What a café whose silo died knows of its room: nothing.
        var cafeGrain = fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<ICafeGrain>(cafe.Id);
        var beforeEviction = ownerHub.EventCount;
        await cafeGrain.Evict(member.Id);
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner), after: beforeEviction);

        var beforeRenewal = ownerHub.EventCount;
        fixture.Clock.Advance(RenewPeriod);

        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, member), after: beforeRenewal);
        var sent = await memberHub.InvokeAsync("SendMessage", cafe.Id, "still here");
        Assert.Equal("still here", sent.GetProperty("content").GetString());
    }
}
