using Microsoft.Extensions.DependencyInjection;
using Platform.Actors;
using Platform.Actors.Testing;
using Platform.Grains.Games;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Grains.Tests.Games;

/// <summary>A game whose silo restarts mid-question goes on from what it stored: its question, its deadline, its answers.</summary>
public sealed class GameResumeTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var options = new TestClusterOptions
        {
            ConnectionString = _database.ConnectionString,
            ConfigureServices = services =>
            {
                services.AddPlatformGrains();
                services.AddSingleton<TimeProvider>(_clock);
            },
        };
        options.GrainAssemblies.Add(typeof(GrainsAssembly).Assembly);
        options.Settings["Platform:PasswordHasher:IterationCount"] = "1000";
        _cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_game_resumes_its_open_question_with_its_answers_after_a_silo_restart()
    {
        var (first, second) = (await RegisterAsync("first"), await RegisterAsync("second"));
        var gameId = await StartGameAsync(first, second);
        var before = await Game(gameId).Get();
        Assert.True((await Game(gameId).SubmitAnswer(first.Id, 0, 0)).Accepted);

        await RestartAsync();

        var after = await Game(gameId).Get();
        Assert.Equal(before.CurrentQuestion!.Index, after.CurrentQuestion!.Index);
        Assert.Equal(before.CurrentQuestion.Deadline, after.CurrentQuestion.Deadline);
        Assert.False((await Game(gameId).SubmitAnswer(first.Id, 0, 1)).Accepted);
        Assert.True((await Game(gameId).SubmitAnswer(second.Id, 0, 1)).Accepted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null((await Game(gameId).Get()).CurrentQuestion);
    }

    [Fact]
    public async Task A_game_whose_silo_restarted_ends_its_question_at_the_stored_deadline()
    {
        var (first, second) = (await RegisterAsync("one"), await RegisterAsync("two"));
        var gameId = await StartGameAsync(first, second);

        await RestartAsync();
        await Game(gameId).Get();
        _clock.Advance(TimeSpan.FromSeconds(31));

        var ended = await Game(gameId).Get();
        Assert.Equal(GameStatus.Finished, ended.Status);
        Assert.All(ended.Leaderboard, entry => Assert.Equal(0, entry.Score));
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_refused_and_the_question_ends_at_it()
    {
        var (first, second) = (await RegisterAsync("late"), await RegisterAsync("later"));
        var gameId = await StartGameAsync(first, second);

        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull((await Game(gameId).Get()).CurrentQuestion);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False((await Game(gameId).SubmitAnswer(first.Id, 0, 0)).Accepted);
        await EventuallyAsync(async () => (await Game(gameId).Get()).Status == GameStatus.Finished);
    }

    [Fact]
    public async Task A_waiting_lobby_nobody_is_connected_to_closes_after_ten_minutes()
    {
        var host = await RegisterAsync("idle");
        var code = LobbyCodes.New();
        var lobby = _cluster.GrainFactory.GetGrain<ILobbyGrain>(code);
        await lobby.Create(new NewLobby(host.Id, host.Username, "idle", new LobbySettings(4, 1, 30, null, false)));
        await lobby.Join(new LobbyPlayerConnection(host.Id, host.Username, "c1"));
        await lobby.Disconnected(host.Id, "c1");

        _clock.Advance(TimeSpan.FromMinutes(9));
        await lobby.Get();
        // To the reminder's first tick: the lobby closes at ten minutes, not at a later tick.
        _clock.Advance(TimeSpan.FromMinutes(1));

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

    // The reminder's call reaches the grain a moment after the clock moved; wait for its effect, with a deadline.
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition()) await Task.Delay(20, deadline.Token);
    }

    // A silo's generation is its start time; the clock moves a little so the restarted silo has a new one.
    private async Task RestartAsync()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await _cluster.RestartSiloAsync(_cluster.Silos[0]);
    }

    private IGameGrain Game(Guid id) => _cluster.GrainFactory.GetGrain<IGameGrain>(id);

    private async Task<UserView> RegisterAsync(string name)
    {
        var username = $"{name}{Guid.NewGuid():N}"[..20];
        return await _cluster.GrainFactory.GetGrain<IUserGrain>(Guid.NewGuid()).Register(new NewMember($"{username}@example.com", username, "password1"));
    }

    private async Task<Guid> StartGameAsync(UserView host, UserView guest)
    {
        var code = LobbyCodes.New();
        var lobby = _cluster.GrainFactory.GetGrain<ILobbyGrain>(code);
        await lobby.Create(new NewLobby(host.Id, host.Username, "resume", new LobbySettings(4, 1, 30, null, false)));
        await lobby.Join(new LobbyPlayerConnection(host.Id, host.Username, "c1"));
        await lobby.Join(new LobbyPlayerConnection(guest.Id, guest.Username, "c2"));
        await lobby.SetReady(host.Id, true);
        await lobby.SetReady(guest.Id, true);
        return await lobby.StartGame(host.Id);
    }
}
