using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Hub;

[Collection(ApiCollection.Name)]
public sealed class HubConnectionTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        var refused = await Assert.ThrowsAsync<HubConnectionRefusedException>(() => fixture.ConnectHubAsync(null));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task The_hub_refuses_a_connection_with_a_bad_token(string accessToken)
    {
        var refused = await Assert.ThrowsAsync<HubConnectionRefusedException>(() => fixture.ConnectHubAsync(accessToken));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_the_token_of_a_session_that_ended()
    {
        var user = await fixture.RegisterAsync();
        using var logout = await fixture.PostAsync("/api/auth/logout", new { refreshToken = user.RefreshToken }, user.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var refused = await Assert.ThrowsAsync<HubConnectionRefusedException>(() => fixture.ConnectHubAsync(user.AccessToken));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_hub_takes_a_valid_token()
    {
        var user = await fixture.RegisterAsync();

        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);

        Assert.False(hub.IsClosed);
        Assert.Equal(user.Id.ToString(), new JsonWebToken(user.AccessToken).Subject);
    }

    [Fact]
    public async Task An_unknown_hub_method_is_not_found()
    {
        var user = await fixture.RegisterAsync();
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync("NoSuchMethod", "x");

        HubAssert.Error("not_found", error);
        Assert.False(hub.IsClosed);
    }

    [Fact]
    public async Task The_load_test_methods_are_off_by_default()
    {
        var user = await fixture.RegisterAsync();
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync("LoadTestBroadcast", "group", new { text = "hello" });

        HubAssert.Error("not_found", error);
    }
}
