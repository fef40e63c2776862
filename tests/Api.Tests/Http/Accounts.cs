using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Hosting;

namespace Platform.Api.Tests.Http;

/// <summary>The steps many tests start with: members, cafés and guests, through the API as clients make them.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery";

    public static async Task<TestUser> RegisterAsync(this PlatformFixture fixture, string? username = null)
    {
        username ??= Names.Username();
        var email = Names.Email(username);
        using var response = await fixture.PostAsync("/api/auth/register", new { email, username, password = Password });
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        return User(body, email, Password);
    }

    public static async Task<TestCafe> CreateCafeAsync(this PlatformFixture fixture, TestUser owner, double latitude = 52.52, double longitude = 13.405, double radiusMeters = 100)
    {
        var name = $"Café {Guid.NewGuid():N}"[..20];
        var wifiSsid = $"wifi-{Guid.NewGuid():N}"[..16];
        using var response = await fixture.PostAsync(
            "/api/cafes", new { name, address = "1 Main Street", wifiSsid, latitude, longitude, radiusMeters }, owner.AccessToken);
        var cafe = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        return new TestCafe(cafe.GetProperty("id").GetGuid(), name, wifiSsid, latitude, longitude, radiusMeters);
    }

    /// <summary>The owner asks for a join token; returns <c>{username, joinToken, expiresAt}</c>.</summary>
    public static async Task<JsonElement> GenerateGuestAsync(this PlatformFixture fixture, TestUser owner, TestCafe cafe)
    {
        using var response = await fixture.PostAsync(
            "/api/auth/barista/generate-username", new { cafeId = cafe.Id, receiptId = $"receipt-{Guid.NewGuid():N}" }, owner.AccessToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A guest let in by the owner, joining on the café's Wi-Fi.</summary>
    public static async Task<TestUser> JoinAsGuestAsync(this PlatformFixture fixture, TestUser owner, TestCafe cafe)
    {
        var grant = await fixture.GenerateGuestAsync(owner, cafe);
        using var response = await fixture.PostAsync("/api/auth/join", new
        {
            username = grant.GetProperty("username").GetString(),
            joinToken = grant.GetProperty("joinToken").GetString(),
            cafeId = cafe.Id,
            wifiSsid = cafe.WifiSsid,
        });
        return User(await ApiAssert.JsonAsync(response, HttpStatusCode.OK), email: null, password: null);
    }

    /// <summary>Reads <c>{accessToken, refreshToken, user}</c>.</summary>
    public static TestUser User(JsonElement body, string? email, string? password)
    {
        var user = body.GetProperty("user");
        return new TestUser(
            user.GetProperty("id").GetGuid(),
            user.GetProperty("username").GetString()!,
            email,
            password,
            body.GetProperty("accessToken").GetString()!,
            body.GetProperty("refreshToken").GetString()!,
            user);
    }
}
