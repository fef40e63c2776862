using Platform.Grains.Games;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Grains.Tests.Games;

/// <summary>A game whose silo restarts mid-question goes on from what it stored: its question, its deadline, its answers.</summary>
public sealed class GameResumeTests : ManualClockClusterTests
{
    [Fact]
    public async Task A_game_resumes_its_open_question_with_its_answers_after_a_silo_restart()
    {
        var (first, second) = (await RegisterAsync("first"), await RegisterAsync("second"));
        var gameId = await StartGameAsync(first, second);
        var before = await Game(gameId).Get();
        Assert.True((await Game(gameId).SubmitAnswer(first.Id, 0, 0)).Accepted);

        await RestartSiloAsync();

        var after = await Game(gameId).Get();
        Assert.Equal(before.CurrentQuestion!.Index, after.CurrentQuestion!.Index);
        Assert.Equal(before.CurrentQuestion.Deadline, after.CurrentQuestion.Deadline);
        Assert.False((await Game(gameId).SubmitAnswer(first.Id, 0, 1)).Accepted);
        Assert.True((await Game(gameId).SubmitAnswer(second.Id, 0, 1)).Accepted);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null((await Game(gameId).Get()).CurrentQuestion);
    }

    [Fact]
    public async Task A_game_whose_silo_restarted_ends_its_question_at_the_stored_deadline()
    {
        var (first, second) = (await RegisterAsync("one"), await RegisterAsync("two"));
        var gameId = await StartGameAsync(first, second);

        await RestartSiloAsync();
        await Game(gameId).Get();
        Clock.Advance(TimeSpan.FromSeconds(31));

        var ended = await Game(gameId).Get();
        Assert.Equal(GameStatus.Finished, ended.Status);
        Assert.All(ended.Leaderboard, entry => Assert.Equal(0, entry.Score));
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_refused_and_the_question_ends_at_it()
    {
        var (first, second) = (await RegisterAsync("late"), await RegisterAsync("later"));
        var gameId = await StartGameAsync(first, second);

        Clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull((await Game(gameId).Get()).CurrentQuestion);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False((await Game(gameId).SubmitAnswer(first.Id, 0, 0)).Accepted);
        await EventuallyAsync(async () => (await Game(gameId).Get()).Status == GameStatus.Finished);
    }

    [Fact]
    public async Task A_waiting_lobby_nobody_is_connected_to_closes_after_ten_minutes()
    {
        var host = await RegisterAsync("idle");
        var code = LobbyCodes.New();
        var lobby = Grains.GetGrain<ILobbyGrain>(code);
        await lobby.Create(new NewLobby(host.Id, host.Username, "idle", new LobbySettings(4, 1, 30, null, false)));
        await lobby.Join(new LobbyPlayerConnection(host.Id, host.Username, "c1"));
        await lobby.Disconnected(host.Id, "c1");

        Clock.Advance(TimeSpan.FromMinutes(9));
        await lobby.Get();
        // To the reminder's first tick: the lobby closes at ten minutes, not at a later tick.
        Clock.Advance(TimeSpan.FromMinutes(1));

        await EventuallyAsync(async () =>
        {
            try
            {
                await lobby.Get();
                return false;
            }
            catch (Platform.Grains.Errors.PlatformException closed) when (closed.Code == Platform.Grains.Errors.ErrorCodes.NotFound)
            {
                return true;
            }
        });
    }

    private IGameGrain Game(Guid id) => Grains.GetGrain<IGameGrain>(id);

    private async Task<UserView> RegisterAsync(string name)
    {
        var username = $"{name}{Guid.NewGuid():N}"[..20];
        return await Grains.GetGrain<IUserGrain>(Guid.NewGuid()).Register(new NewMember($"{username}@example.com", username, "password1"));
    }

    private async Task<Guid> StartGameAsync(UserView host, UserView guest)
    {
        var code = LobbyCodes.New();
        var lobby = Grains.GetGrain<ILobbyGrain>(code);
        await lobby.Create(new NewLobby(host.Id, host.Username, "resume", new LobbySettings(4, 1, 30, null, false)));
        await lobby.Join(new LobbyPlayerConnection(host.Id, host.Username, "c1"));
        await lobby.Join(new LobbyPlayerConnection(guest.Id, guest.Username, "c2"));
        await lobby.SetReady(host.Id, true);
        await lobby.SetReady(guest.Id, true);
        return await lobby.StartGame(host.Id);
    }
}
