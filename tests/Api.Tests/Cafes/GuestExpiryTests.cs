using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Cafes;

/// <summary>One test only: it moves the fixture's clock a day on.</summary>
[Collection(ManualClockCollection.Name)]
public sealed class GuestExpiryTests(ManualClockFixture fixture)
{
    [Fact]
    public async Task An_expired_guest_loses_its_tokens_is_told_and_closed_and_leaves_the_room()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var guest = await fixture.JoinAsGuestAsync(owner, cafe);

        // A minute before the guest's day ends, both are in the room.
        fixture.Clock.Advance(ManualClockFixture.GuestLifetime - TimeSpan.FromMinutes(1));
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        await guestHub.InvokeAsync("JoinCafe", cafe.Id);
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner, guest));
        using (var stillGood = await fixture.GetAsync("/api/users/me", guest.AccessToken))
        {
            await ApiAssert.JsonAsync(stillGood, HttpStatusCode.OK);
        }

        var beforeExpiry = ownerHub.EventCount;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var expired = await guestHub.WaitForEventAsync("accountExpired");
        Assert.Equal(guest.Id, expired.GetProperty("userId").GetGuid());
        await guestHub.WaitForCloseAsync();
        await ownerHub.WaitForEventAsync("presence", Presence.Exactly(cafe, owner), after: beforeExpiry);

        using var me = await fixture.GetAsync("/api/users/me", guest.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var refresh = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = guest.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var refused = await Assert.ThrowsAsync<HubConnectionRefusedException>(() => fixture.ConnectHubAsync(guest.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var room = await ownerHub.InvokeAsync("JoinCafe", cafe.Id);
        Assert.Equal([owner.Id], Presence.Online(room));
    }
}
