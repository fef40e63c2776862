using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Persistence;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task State_survives_deactivation()
    {
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(Key());
        await grain.Increment();
        await grain.Increment();

        await grain.Deactivate();

        Assert.Equal(2, await grain.Get());
    }

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        var key = Key();
        await fixture.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);

        Assert.Equal(1, await fixture.GrainFactory.GetGrain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task Shutdown_runs_OnDeactivateAsync_of_every_activation()
    {
        var key = Key();
        await fixture.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);

        await fixture.Probe.WaitForAsync($"deactivated:{key}:ShuttingDown");
    }

    [Fact]
    public async Task Writes_made_while_deactivating_at_shutdown_are_stored()
    {
        var key = Key();
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementLater();
        await grain.IncrementLater();

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);

        Assert.Equal(2, await fixture.GrainFactory.GetGrain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task Request_running_when_the_silo_stops_finishes_and_answers()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), "Platform.Actors.Tests.Grains.InterleavingGrain");
        var running = grain.Hold(300);

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);

        Assert.Equal(1, await running);
    }

    [Fact]
    public async Task Write_over_a_moved_etag_fails_and_the_grain_starts_again_from_storage()
    {
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(Key());
        await grain.Increment();
        var storage = fixture.Cluster.Silos[0].Services.GetRequiredService<IGrainStorage>();
        var stored = await storage.ReadAsync(grain.GetGrainId(), "counter", CancellationToken.None);
        await storage.WriteAsync(grain.GetGrainId(), "counter", """{"count":100}"""u8.ToArray(), stored!.Etag, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment());

        Assert.Equal(100, await grain.Get());
        Assert.Equal(101, await grain.Increment());
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
