using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Quiz;

namespace Platform.Api.Tests.Cafes;

/// <summary>One test only: it moves the fixture's clock a day on.</summary>
[Collection(ManualClockCollection.Name)]
public sealed class GuestLobbyExpiryTests(ManualClockFixture fixture)
{
    [Fact]
    public async Task An_expired_guest_leaves_the_quiz_lobbies_it_was_in()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var guest = await fixture.JoinAsGuestAsync(owner, cafe);

        // A minute before the guest's day ends, both are in a lobby.
        fixture.Clock.Advance(ManualClockFixture.GuestLifetime - TimeSpan.FromMinutes(1));
        var code = (await QuizSteps.CreateLobbyAsync(fixture, owner)).GetProperty("code").GetString()!;
        await using var ownerHub = await fixture.ConnectHubAsync(owner.AccessToken);
        await using var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await ownerHub.InvokeAsync("JoinLobby", code);
        await guestHub.InvokeAsync("JoinLobby", code);
        await ownerHub.WaitForEventAsync("lobbyUpdated", lobby => Players(lobby).Length == 2);

        var beforeExpiry = ownerHub.EventCount;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        await guestHub.WaitForCloseAsync();
        var left = await ownerHub.WaitForEventAsync("lobbyUpdated", lobby => Players(lobby).Length == 1, after: beforeExpiry);
        Assert.Equal([owner.Id], Players(left));
    }

    private static Guid[] Players(System.Text.Json.JsonElement lobby) =>
        [.. lobby.GetProperty("players").EnumerateArray().Select(player => player.GetProperty("userId").GetGuid())];
}
