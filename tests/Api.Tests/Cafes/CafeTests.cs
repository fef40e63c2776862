using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Cafes;

[Collection(ApiCollection.Name)]
public sealed class CafeTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_member_opens_a_cafe_and_owns_it()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = "The Bean", address = "1 Main Street", wifiSsid = "BeanWiFi", latitude = 52.5, longitude = 13.4, radiusMeters = 80 }, owner.AccessToken);

        var cafe = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var id = cafe.GetProperty("id").GetGuid();
        Assert.Equal($"/api/cafes/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("The Bean", cafe.GetProperty("name").GetString());
        Assert.Equal("1 Main Street", cafe.GetProperty("address").GetString());
        Assert.Equal(owner.Id, cafe.GetProperty("ownerId").GetGuid());
        Assert.Equal(0, cafe.GetProperty("onlineCount").GetInt32());

        using var read = await fixture.GetAsync($"/api/cafes/{id}", owner.AccessToken);
        var again = await ApiAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetGuid());
        Assert.Equal(owner.Id, again.GetProperty("ownerId").GetGuid());
    }

    [Fact]
    public async Task A_cafe_without_a_radius_gets_the_default()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = "Corner", address = "2 Side Street", wifiSsid = "CornerNet", latitude = 10.0, longitude = 10.0 }, owner.AccessToken);

        await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_guest_cannot_open_a_cafe()
    {
        var owner = await fixture.RegisterAsync();
        var guest = await fixture.JoinAsGuestAsync(owner, await fixture.CreateCafeAsync(owner));

        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = "Mine", address = "Here", wifiSsid = "MyWiFi", latitude = 1.0, longitude = 1.0 }, guest.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Opening_a_cafe_needs_an_access_token()
    {
        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = "Mine", address = "Here", wifiSsid = "MyWiFi", latitude = 1.0, longitude = 1.0 });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Opening_a_cafe_without_fields_lists_them()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostRawAsync("/api/cafes", "{}", owner.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "name", "address", "wifiSsid", "latitude", "longitude");
    }

    [Fact]
    public async Task Opening_a_cafe_off_the_map_or_with_a_silly_radius_is_refused()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = "Nowhere", address = "?", wifiSsid = "x", latitude = 91.0, longitude = -181.0, radiusMeters = 5 }, owner.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "latitude", "longitude", "radiusMeters");
    }

    [Fact]
    public async Task Opening_a_cafe_with_a_name_over_100_characters_is_refused()
    {
        var owner = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync(
            "/api/cafes", new { name = new string('n', 101), address = "Here", wifiSsid = "x", latitude = 1.0, longitude = 1.0 }, owner.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "name");
    }

    [Fact]
    public async Task An_unknown_cafe_is_not_found()
    {
        var user = await fixture.RegisterAsync();

        using var response = await fixture.GetAsync($"/api/cafes/{Guid.NewGuid()}", user.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
