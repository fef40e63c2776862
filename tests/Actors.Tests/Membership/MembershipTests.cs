using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Hosting;
using Platform.Actors.Membership;
using Platform.Actors.Testing;

namespace Platform.Actors.Tests.Membership;

/// <summary>
/// Silos' membership agents on one database and one manual clock. Heartbeat timers are set far apart so
/// that only the probes each test runs itself happen: a silo that is not probed is a silo that went silent.
/// </summary>
public sealed class MembershipTests : IAsyncLifetime
{
    private static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(8);

    private readonly ManualTimeProvider _clock = new();
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private PostgresMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _table = new PostgresMembershipTable(_dataSource);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Joined_silo_is_active_in_the_table_and_in_its_own_view()
    {
        var silo = await JoinAsync(port: 1);

        Assert.Equal(SiloStatus.Active, silo.Status);
        Assert.Equal([silo.Address], silo.ActiveSilos);
        Assert.Equal(SiloStatus.Active, (await Row(silo.Address)).Status);
    }

    [Fact]
    public async Task Silent_silo_is_declared_dead_after_the_death_timeout_and_not_before()
    {
        var watcher = await JoinAsync(port: 1);
        var silent = await JoinAsync(port: 2);

        _clock.Advance(DeathTimeout - TimeSpan.FromSeconds(1));
        await watcher.ProbeAsync(CancellationToken.None);
        Assert.Contains(silent.Address, watcher.ActiveSilos);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await watcher.ProbeAsync(CancellationToken.None);

        Assert.DoesNotContain(silent.Address, watcher.ActiveSilos);
        Assert.Equal(SiloStatus.Dead, (await Row(silent.Address)).Status);
    }

    [Fact]
    public async Task Silo_that_keeps_heartbeating_stays_active()
    {
        var watcher = await JoinAsync(port: 1);
        var alive = await JoinAsync(port: 2);

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await alive.ProbeAsync(CancellationToken.None);
            await watcher.ProbeAsync(CancellationToken.None);
        }

        Assert.Contains(alive.Address, watcher.ActiveSilos);
    }

    [Fact]
    public async Task Only_one_peer_wins_when_two_declare_a_silo_dead_at_once()
    {
        var silent = await JoinAsync(port: 1);
        var row = await Row(silent.Address);

        var outcomes = await Task.WhenAll(
            _table.UpdateStatusAsync(silent.Address, SiloStatus.Dead, row.Etag!, CancellationToken.None),
            _table.UpdateStatusAsync(silent.Address, SiloStatus.Dead, row.Etag!, CancellationToken.None));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task Silo_restarted_at_the_same_address_declares_its_earlier_generation_dead()
    {
        var before = await JoinAsync(port: 1);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var after = await JoinAsync(port: 1);

        Assert.True(after.Address.Generation > before.Address.Generation);
        Assert.Equal(SiloStatus.Dead, (await Row(before.Address)).Status);
        Assert.Equal([after.Address], after.ActiveSilos);
    }

    [Fact]
    public async Task Silo_declared_dead_by_its_peers_stops_being_ready()
    {
        var watcher = await JoinAsync(port: 1);
        var lifecycle = new SiloLifecycle();
        lifecycle.Activate();
        var paused = await JoinAsync(port: 2, lifecycle);

        _clock.Advance(DeathTimeout + TimeSpan.FromSeconds(1));
        await watcher.ProbeAsync(CancellationToken.None);
        await paused.ProbeAsync(CancellationToken.None);

        Assert.Equal(SiloStatus.Dead, paused.Status);
        Assert.False(lifecycle.IsActive);
    }

    [Fact]
    public async Task Leaving_silo_is_dead_in_the_table_and_out_of_its_peers_view()
    {
        var watcher = await JoinAsync(port: 1);
        var leaving = await JoinAsync(port: 2);

        await leaving.LeaveAsync(CancellationToken.None);
        await watcher.ProbeAsync(CancellationToken.None);

        Assert.Equal(SiloStatus.Dead, (await Row(leaving.Address)).Status);
        Assert.Equal([watcher.Address], watcher.ActiveSilos);
    }

    private async Task<MembershipAgent> JoinAsync(int port, SiloLifecycle? lifecycle = null)
    {
        var agent = new MembershipAgent(
            _table,
            Options.Create(new SiloOptions { Port = port }),
            Options.Create(new MembershipOptions { HeartbeatPeriod = TimeSpan.FromHours(1), DeathTimeout = DeathTimeout }),
            lifecycle ?? new SiloLifecycle(),
            _clock,
            NullLogger<MembershipAgent>.Instance);
        await agent.JoinAsync(CancellationToken.None);
        return agent;
    }

    private async Task<MembershipEntry> Row(SiloAddress silo) =>
        (await _table.ReadAllAsync(CancellationToken.None)).Single(e => e.Silo == silo);
}
