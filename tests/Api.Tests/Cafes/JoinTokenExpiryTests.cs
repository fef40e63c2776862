using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Cafes;

[Collection(ManualClockCollection.Name)]
public sealed class JoinTokenExpiryTests(ManualClockFixture fixture)
{
    [Fact]
    public async Task A_join_token_older_than_15_minutes_is_expired()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        using var response = await fixture.PostAsync("/api/auth/join", new
        {
            username = grant.GetProperty("username").GetString(),
            joinToken = grant.GetProperty("joinToken").GetString(),
            cafeId = cafe.Id,
            wifiSsid = cafe.WifiSsid,
        });
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
    }
}
