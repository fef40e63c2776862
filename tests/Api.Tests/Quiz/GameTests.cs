using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Quiz;

[Collection(ApiCollection.Name)]
public sealed class GameTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_game_ends_its_question_once_everyone_answered_and_names_the_winner()
    {
        await using var game = await StartAsync(questionCount: 1);
        var question = await game.HostHub.WaitForEventAsync("question");
        Assert.Equal(0, question.GetProperty("index").GetInt32());
        Assert.False(question.TryGetProperty("correctIndex", out _), "The question must not give its answer away.");
        Assert.InRange(question.GetProperty("deadline").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(31));
        var options = question.GetProperty("options").GetArrayLength();

        var first = await game.HostHub.InvokeAsync("SubmitAnswer", game.GameId, 0, 0);
        var second = await game.GuestHub.InvokeAsync("SubmitAnswer", game.GameId, 0, options - 1);

        var ended = await game.GuestHub.WaitForEventAsync("questionEnded");
        var correct = ended.GetProperty("correctIndex").GetInt32();
        Assert.True(first.GetProperty("accepted").GetBoolean());
        Assert.Equal(correct == 0, first.GetProperty("correct").GetBoolean());
        Assert.Equal(correct == options - 1, second.GetProperty("correct").GetBoolean());
        var final = await game.HostHub.WaitForEventAsync("gameEnded");
        var board = final.GetProperty("leaderboard");
        Assert.Equal(2, board.GetArrayLength());
        Assert.Equal(board[0].GetProperty("userId").GetGuid(), final.GetProperty("winnerId").GetGuid());
        Assert.True(board[0].GetProperty("score").GetInt32() >= board[1].GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_second_answer_and_an_answer_to_another_question_are_refused()
    {
        await using var game = await StartAsync(questionCount: 2);
        await game.HostHub.WaitForEventAsync("question");
        await game.HostHub.InvokeAsync("SubmitAnswer", game.GameId, 0, 0);

        var again = await game.HostHub.InvokeAsync("SubmitAnswer", game.GameId, 0, 1);
        var ahead = await game.GuestHub.InvokeAsync("SubmitAnswer", game.GameId, 1, 0);

        Assert.False(again.GetProperty("accepted").GetBoolean());
        Assert.False(ahead.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Answers_out_of_range_or_to_another_game_are_errors()
    {
        await using var game = await StartAsync(questionCount: 1);
        await game.HostHub.WaitForEventAsync("question");

        HubAssert.Error("validation_failed", await game.HostHub.InvokeExpectingErrorAsync("SubmitAnswer", game.GameId, 0, 6));
        HubAssert.Error("validation_failed", await game.HostHub.InvokeExpectingErrorAsync("SubmitAnswer", game.GameId, 5, 0));
        HubAssert.Error("not_found", await game.HostHub.InvokeExpectingErrorAsync("SubmitAnswer", Guid.NewGuid(), 0, 0));
        var stranger = await fixture.RegisterAsync();
        await using var strangerHub = await fixture.ConnectHubAsync(stranger.AccessToken);
        HubAssert.Error("not_found", await strangerHub.InvokeExpectingErrorAsync("SubmitAnswer", game.GameId, 0, 0));
        HubAssert.Error("validation_failed", await strangerHub.InvokeExpectingErrorAsync("SubmitAnswer", game.GameId, "first", 0));
    }

    [Fact]
    public async Task A_player_who_comes_back_gets_the_open_question_again()
    {
        await using var game = await StartAsync(questionCount: 1);
        var shown = await game.GuestHub.WaitForEventAsync("question");
        await game.GuestHub.DisposeAsync();

        await using var back = await fixture.ConnectHubAsync(game.Guest.AccessToken);
        var lobby = await back.InvokeAsync("JoinLobby", game.Code);

        Assert.Equal("playing", lobby.GetProperty("status").GetString());
        var again = await back.WaitForEventAsync("question");
        Assert.Equal(shown.GetProperty("index").GetInt32(), again.GetProperty("index").GetInt32());
        Assert.Equal(shown.GetProperty("deadline").GetDateTimeOffset(), again.GetProperty("deadline").GetDateTimeOffset());
        Assert.True((await back.InvokeAsync("SubmitAnswer", game.GameId, 0, 0)).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_finished_game_counts_in_stats_results_and_the_leaderboard()
    {
        await using var game = await StartAsync(questionCount: 1);
        await game.HostHub.WaitForEventAsync("question");
        await game.HostHub.InvokeAsync("SubmitAnswer", game.GameId, 0, 0);
        await game.GuestHub.InvokeAsync("SubmitAnswer", game.GameId, 0, 1);
        var final = await game.HostHub.WaitForEventAsync("gameEnded");
        var winner = final.GetProperty("winnerId").GetGuid();

        using var results = await fixture.GetAsync($"/api/games/{game.GameId}", game.Host.AccessToken);
        using var stats = await fixture.GetAsync($"/api/users/{winner}/stats", game.Host.AccessToken);
        using var leaderboard = await fixture.GetAsync("/api/leaderboard?limit=100", game.Host.AccessToken);

        Assert.Equal("finished", (await ApiAssert.JsonAsync(results, HttpStatusCode.OK)).GetProperty("status").GetString());
        var winnerStats = await ApiAssert.JsonAsync(stats, HttpStatusCode.OK);
        Assert.Equal(1, winnerStats.GetProperty("gamesPlayed").GetInt32());
        Assert.Equal(1, winnerStats.GetProperty("gamesWon").GetInt32());
        var rated = (await ApiAssert.JsonAsync(leaderboard, HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("userId").GetGuid());
        Assert.Contains(winner, rated);
        await game.HostHub.WaitForEventAsync("lobbyUpdated", l => l.GetProperty("status").GetString() == "waiting");
    }

    private async Task<RunningGame> StartAsync(int questionCount)
    {
        var host = await fixture.RegisterAsync();
        var guest = await fixture.RegisterAsync();
        var code = (await QuizSteps.CreateLobbyAsync(fixture, host, questionCount: questionCount)).GetProperty("code").GetString()!;
        var hostHub = await fixture.ConnectHubAsync(host.AccessToken);
        var guestHub = await fixture.ConnectHubAsync(guest.AccessToken);
        await hostHub.InvokeAsync("JoinLobby", code);
        await guestHub.InvokeAsync("JoinLobby", code);
        await hostHub.InvokeAsync("SetReady", code, true);
        await guestHub.InvokeAsync("SetReady", code, true);
        var started = await hostHub.InvokeAsync("StartGame", code);
        var gameId = started.GetProperty("gameId").GetGuid();
        var announced = await guestHub.WaitForEventAsync("gameStarted");
        Assert.Equal(gameId, announced.GetProperty("gameId").GetGuid());
        Assert.Equal(questionCount, announced.GetProperty("questionCount").GetInt32());
        return new RunningGame(host, guest, code, gameId, hostHub, guestHub);
    }

    private sealed record RunningGame(TestUser Host, TestUser Guest, string Code, Guid GameId, HubTestClient HostHub, HubTestClient GuestHub) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await HostHub.DisposeAsync();
            await GuestHub.DisposeAsync();
        }
    }
}
