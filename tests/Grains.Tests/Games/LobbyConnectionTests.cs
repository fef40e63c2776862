using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;
using Platform.Grains.Errors;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Grains.Tests.Games;

/// <summary>
/// Who is connected to a lobby is held by the API nodes, which renew their connections: a lobby that restarted
/// learns it again, and the connections of a node that died count as closed once the lease passes.
/// </summary>
public sealed class LobbyConnectionTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
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
    public async Task A_lobby_that_restarted_hears_who_is_connected_from_the_renewals_and_stays_open()
    {
        var (code, host) = await OpenLobbyAsync();

        _clock.Advance(TimeSpan.FromMilliseconds(1)); // a new generation for the restarted silo
        await _cluster.RestartSiloAsync(_cluster.Silos[0]);

        // Past the idle timeout, the node renewing its connection every minute, as the API does.
        for (var minute = 0; minute < 14; minute++)
        {
            await Lobby(code).Renew([host]);
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Lobby(code).Get();
        }

        Assert.Equal(LobbyStatus.Waiting, (await Lobby(code).Get()).Status);
    }

    [Fact]
    public async Task Connections_no_node_renews_count_as_closed_and_the_idle_lobby_closes()
    {
        var (code, _) = await OpenLobbyAsync();

        // The first tick (at ten minutes) finds the connection unrenewed: closed from then on, so ten minutes later
        // the lobby is idle.
        await AdvanceAsync(code, TimeSpan.FromMinutes(19) + TimeSpan.FromSeconds(40));
        Assert.Equal(LobbyStatus.Waiting, (await Lobby(code).Get()).Status);
        _clock.Advance(TimeSpan.FromSeconds(20));

        await EventuallyAsync(async () =>
        {
            try
            {
                await Lobby(code).Get();
                return false;
            }
            catch (PlatformException closed) when (closed.Code == ErrorCodes.NotFound)
            {
                return true;
            }
        });
    }

    private async Task<(string Code, LobbyPlayerConnection Host)> OpenLobbyAsync()
    {
        var username = $"host{Guid.NewGuid():N}"[..20];
        var user = await _cluster.GrainFactory.GetGrain<IUserGrain>(Guid.NewGuid()).Register(new NewMember($"{username}@example.com", username, "password1"));
        var code = LobbyCodes.New();
        var host = new LobbyPlayerConnection(user.Id, user.Username, "c1");
        await Lobby(code).Create(new NewLobby(user.Id, user.Username, "renewed", new LobbySettings(4, 1, 30, null, false)));
        await Lobby(code).Join(host);
        return (code, host);
    }

    // In steps shorter than a call's 30-second deadline, each followed by a call to the lobby, so that no reminder
    // tick is left behind by a clock that ran past its deadline.
    private async Task AdvanceAsync(string code, TimeSpan total)
    {
        var step = TimeSpan.FromSeconds(20);
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            _clock.Advance(step);
            await Lobby(code).Get();
        }
    }

    private ILobbyGrain Lobby(string code) => _cluster.GrainFactory.GetGrain<ILobbyGrain>(code);

    // The reminder's call reaches the grain a moment after the clock moved; wait for its effect, with a deadline.
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition()) await Task.Delay(20, deadline.Token);
    }
}
