using Platform.Grains.Errors;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Grains.Tests.Games;

/// <summary>
/// Who is connected to a lobby is held by the API nodes, which renew their connections: a lobby that restarted
/// learns it again, and the connections of a node that died count as closed once the lease passes.
/// </summary>
public sealed class LobbyConnectionTests : ManualClockClusterTests
{
    [Fact]
    public async Task A_lobby_that_restarted_hears_who_is_connected_from_the_renewals_and_stays_open()
    {
        var (code, host) = await OpenLobbyAsync();

        await RestartSiloAsync();

        // Past the idle timeout, the node renewing its connection every minute, as the API does.
        for (var minute = 0; minute < 14; minute++)
        {
            await Lobby(code).Renew([host]);
            Clock.Advance(TimeSpan.FromMinutes(1));
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

        // The tick at twenty minutes closes it. A tick reads the clock when it runs, and one that ran after the test's
        // next step sees the lobby idle for less: the next tick, a reminder period on, closes it instead. So the clock
        // moves on by steps, at most one reminder period (two minutes) past twenty.
        var step = TimeSpan.FromSeconds(20);
        var moved = TimeSpan.Zero;
        await EventuallyAsync(async () =>
        {
            if (moved <= TimeSpan.FromMinutes(2))
            {
                Clock.Advance(step);
                moved += step;
            }

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
        var user = await Grains.GetGrain<IUserGrain>(Guid.NewGuid()).Register(new NewMember($"{username}@example.com", username, "password1"));
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
            Clock.Advance(step);
            await Lobby(code).Get();
        }
    }

    private ILobbyGrain Lobby(string code) => Grains.GetGrain<ILobbyGrain>(code);
}
