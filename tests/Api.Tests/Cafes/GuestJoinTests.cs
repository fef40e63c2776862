using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Cafes;

[Collection(ApiCollection.Name)]
public sealed partial class GuestJoinTests(ApiFixture fixture)
{
    // About 1.1 km north of the test cafés.
    private const double FarAway = 0.01;

    [Fact]
    public async Task The_owner_gets_a_guest_name_and_a_join_token_for_15_minutes()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);

        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        Assert.Matches(GuestName(), grant.GetProperty("username").GetString());
        Assert.True(grant.GetProperty("joinToken").GetString()!.Length >= 16);
        var expiresIn = grant.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task Someone_other_than_the_owner_cannot_let_guests_in()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var other = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/barista/generate-username", new { cafeId = cafe.Id, receiptId = "r1" }, other.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Guest_names_for_an_unknown_cafe_are_not_found()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/auth/barista/generate-username", new { cafeId = Guid.NewGuid(), receiptId = "r1" }, owner.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Guest_names_need_a_cafe_and_a_receipt()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostRawAsync("/api/auth/barista/generate-username", "{}", owner.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "cafeId", "receiptId");
    }

    [Fact]
    public async Task A_guest_joins_on_the_cafes_WiFi_for_24_hours()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var response = await JoinAsync(grant, cafe, wifiSsid: cafe.WifiSsid);

        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var guest = Accounts.User(body, null, null);
        Assert.Equal(grant.GetProperty("username").GetString(), guest.Username);
        Assert.Equal("guest", guest.User.GetProperty("kind").GetString());
        Assert.Equal(cafe.Id, guest.User.GetProperty("cafeId").GetGuid());
        var expiresIn = guest.User.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        using var me = await fixture.GetAsync("/api/users/me", guest.AccessToken);
        Assert.Equal("guest", (await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_guest_joins_from_a_position_inside_the_radius()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner, radiusMeters: 100);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        // 0.0005° of latitude is about 56 m.
        using var response = await JoinAsync(grant, cafe, latitude: cafe.Latitude + 0.0005, longitude: cafe.Longitude);

        await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_guest_outside_the_radius_is_refused_and_the_token_stays_good()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner, radiusMeters: 100);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var outside = await JoinAsync(grant, cafe, latitude: cafe.Latitude + FarAway, longitude: cafe.Longitude);
        await ApiAssert.ProblemAsync(outside, HttpStatusCode.Forbidden, "forbidden");
        using var wrongWifi = await JoinAsync(grant, cafe, wifiSsid: "someone-elses-wifi");
        await ApiAssert.ProblemAsync(wrongWifi, HttpStatusCode.Forbidden, "forbidden");

        using var inside = await JoinAsync(grant, cafe, wifiSsid: cafe.WifiSsid);
        await ApiAssert.JsonAsync(inside, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_join_token_works_once()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);
        using var first = await JoinAsync(grant, cafe, wifiSsid: cafe.WifiSsid);
        await ApiAssert.JsonAsync(first, HttpStatusCode.OK);

        using var second = await JoinAsync(grant, cafe, wifiSsid: cafe.WifiSsid);

        await ApiAssert.ProblemAsync(second, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_join_token_is_good_only_for_its_guest_name()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var response = await fixture.PostAsync("/api/auth/join", new
        {
            username = "SomeoneElse7",
            joinToken = grant.GetProperty("joinToken").GetString(),
            cafeId = cafe.Id,
            wifiSsid = cafe.WifiSsid,
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_join_token_is_good_only_for_its_cafe()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var otherCafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var response = await JoinAsync(grant, otherCafe, wifiSsid: otherCafe.WifiSsid);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Joining_without_WiFi_or_a_position_is_a_validation_failure()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var response = await JoinAsync(grant, cafe);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "wifiSsid");
    }

    [Fact]
    public async Task Joining_with_half_a_position_is_a_validation_failure()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var grant = await fixture.GenerateGuestAsync(owner, cafe);

        using var response = await JoinAsync(grant, cafe, latitude: cafe.Latitude);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "longitude");
    }

    [Fact]
    public async Task A_guest_refreshes_its_tokens_but_cannot_sign_in_with_a_password()
    {
        var owner = await fixture.RegisterAsync();
        var guest = await fixture.JoinAsGuestAsync(owner, await fixture.CreateCafeAsync(owner));

        using var refresh = await fixture.PostAsync("/api/auth/refresh", new { refreshToken = guest.RefreshToken });
        var tokens = await ApiAssert.JsonAsync(refresh, HttpStatusCode.OK);
        using var me = await fixture.GetAsync("/api/users/me", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(guest.Id, (await ApiAssert.JsonAsync(me, HttpStatusCode.OK)).GetProperty("id").GetGuid());

        using var login = await fixture.PostAsync("/api/auth/login", new { login = guest.Username, password = Accounts.Password });
        await ApiAssert.ProblemAsync(login, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_guest_cannot_let_other_guests_in()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var guest = await fixture.JoinAsGuestAsync(owner, cafe);

        using var response = await fixture.PostAsync("/api/auth/barista/generate-username", new { cafeId = cafe.Id, receiptId = "r1" }, guest.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    private Task<HttpResponseMessage> JoinAsync(JsonElement grant, TestCafe cafe, string? wifiSsid = null, double? latitude = null, double? longitude = null) =>
        fixture.PostAsync("/api/auth/join", new
        {
            username = grant.GetProperty("username").GetString(),
            joinToken = grant.GetProperty("joinToken").GetString(),
            cafeId = cafe.Id,
            wifiSsid,
            latitude,
            longitude,
        });

    [GeneratedRegex("^[A-Z][a-z]+[A-Z][a-z]+[0-9]{1,2}$")]
    private static partial Regex GuestName();
}
