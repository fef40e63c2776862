using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Quiz;

[Collection(ApiCollection.Name)]
public sealed class LobbyTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_new_lobby_has_a_code_without_look_alikes_and_its_creator_as_host()
    {
        var host = await fixture.RegisterAsync();

        var lobby = await QuizSteps.CreateLobbyAsync(fixture, host);

        var code = lobby.GetProperty("code").GetString()!;
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", code);
        Assert.Equal("waiting", lobby.GetProperty("status").GetString());
        var player = Assert.Single(lobby.GetProperty("players").EnumerateArray());
        Assert.True(player.GetProperty("isHost").GetBoolean());
        Assert.Equal(host.Id, lobby.GetProperty("hostId").GetGuid());
        using var byCode = await fixture.GetAsync($"/api/lobbies/{code.ToLowerInvariant()}", host.AccessToken);
        Assert.Equal(code, (await ApiAssert.JsonAsync(byCode, HttpStatusCode.OK)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Public_lobbies_are_listed_and_private_ones_are_not()
    {
        var host = await fixture.RegisterAsync();
        var open = (await QuizSteps.CreateLobbyAsync(fixture, host)).GetProperty("code").GetString();
        var hidden = (await QuizSteps.CreateLobbyAsync(fixture, host, isPrivate: true)).GetProperty("code").GetString();

        using var response = await fixture.GetAsync("/api/lobbies", host.AccessToken);
        var codes = (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();

        Assert.Contains(open, codes);
        Assert.DoesNotContain(hidden, codes);
    }

    [Fact]
    public async Task A_lobby_leaves_the_list_while_its_game_is_played_and_is_listed_again_when_it_ends()
    {
        var host = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host, questionCount: 1)).GetProperty("code").GetString()!;
        await using var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);
        await hostHub.InvokeAsync("SetReady", code, true);
        Assert.Contains(code, await ListedAsync(host));

        var gameId = (await hostHub.InvokeAsync("StartGame", code)).GetProperty("gameId").GetGuid();

        Assert.DoesNotContain(code, await ListedAsync(host));
        await hostHub.WaitForEventAsync("question");
        var beforeEnd = hostHub.EventCount;
        await hostHub.InvokeAsync("SubmitAnswer", gameId, 0, 0);
        await hostHub.WaitForEventAsync("lobbyUpdated", l => l.GetProperty("status").GetString() == "waiting", after: beforeEnd);
        Assert.Contains(code, await ListedAsync(host));
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_by_field()
    {
        var host = await fixture.RegisterAsync();

        using var response = await fixture.PostAsync("/api/lobbies", new { name = "x", maxPlayers = 9, questionCount = 51, secondsPerQuestion = 4, isPrivate = false }, host.AccessToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "maxPlayers", "questionCount", "secondsPerQuestion");
    }

    [Fact]
    public async Task Joining_tells_everyone_in_the_lobby_and_a_full_lobby_refuses()
    {
        var host = await fixture.RegisterAsync();
        var guest = await fixture.RegisterAsync();
        var late = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host, maxPlayers: 2)).GetProperty("code").GetString()!;
        await using var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        await using var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await using var lateHub = await fixture.ConnectHubAsync(late.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);

        await guestHub.InvokeAsync("JoinLobby", code);

        await hostHub.WaitForEventAsync("lobbyUpdated", lobby => lobby.GetProperty("players").GetArrayLength() == 2);
        HubAssert.Error("conflict", await lateHub.InvokeExpectingErrorAsync("JoinLobby", code));
        HubAssert.Error("not_found", await lateHub.InvokeExpectingErrorAsync("JoinLobby", "ZZZZZZ"));
    }

    [Fact]
    public async Task Joining_a_lobby_whose_game_has_started_is_a_conflict()
    {
        var host = await fixture.RegisterAsync();
        var late = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host)).GetProperty("code").GetString()!;
        await using var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        await using var lateHub = await fixture.ConnectHubAsync(late.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);
        await hostHub.InvokeAsync("SetReady", code, true);
        await hostHub.InvokeAsync("StartGame", code);

        HubAssert.Error("conflict", await lateHub.InvokeExpectingErrorAsync("JoinLobby", code));

        using var lobby = await fixture.GetAsync($"/api/lobbies/{code}", late.AccessToken);
        var players = (await ApiAssert.JsonAsync(lobby, HttpStatusCode.OK)).GetProperty("players").EnumerateArray();
        Assert.Equal([host.Id], players.Select(p => p.GetProperty("userId").GetGuid()));
    }

    [Fact]
    public async Task A_host_who_leaves_hands_the_lobby_on_and_the_last_one_out_closes_it()
    {
        var host = await fixture.RegisterAsync();
        var guest = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host)).GetProperty("code").GetString()!;
        await using var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        await using var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);
        await guestHub.InvokeAsync("JoinLobby", code);

        await hostHub.InvokeAsync("LeaveLobby", code);

        var handedOn = await guestHub.WaitForEventAsync("lobbyUpdated", lobby => lobby.GetProperty("players").GetArrayLength() == 1);
        Assert.Equal(guest.Id, handedOn.GetProperty("hostId").GetGuid());
        await guestHub.InvokeAsync("LeaveLobby", code);
        using var closed = await fixture.GetAsync($"/api/lobbies/{code}", guest.AccessToken);
        await ApiAssert.ProblemAsync(closed, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Only_the_host_starts_and_only_when_everyone_is_ready()
    {
        var host = await fixture.RegisterAsync();
        var guest = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host)).GetProperty("code").GetString()!;
        await using var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        await using var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);
        await guestHub.InvokeAsync("JoinLobby", code);
        await hostHub.InvokeAsync("SetReady", code, true);

        HubAssert.Error("conflict", await hostHub.InvokeExpectingErrorAsync("StartGame", code));
        await guestHub.InvokeAsync("SetReady", code, true);
        HubAssert.Error("forbidden", await guestHub.InvokeExpectingErrorAsync("StartGame", code));
        var lobby = await hostHub.WaitForEventAsync("lobbyUpdated", l => l.GetProperty("players").EnumerateArray().All(p => p.GetProperty("isReady").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, lobby.GetProperty("gameId").ValueKind);
    }

    private async Task<List<string?>> ListedAsync(TestUser user)
    {
        using var response = await fixture.GetAsync("/api/lobbies", user.AccessToken);
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
    }
}
