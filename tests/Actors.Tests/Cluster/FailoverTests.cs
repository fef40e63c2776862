using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Actors.Cluster;
using Platform.Actors.Hosting;
using Platform.Actors.Runtime;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>Silos that die or leave, and what becomes of their grains, calls and reminders.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class FailoverTests(MultiSiloFixture fixture)
{
    private static readonly TimeSpan ViewTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Grains_of_a_killed_silo_answer_again_from_a_survivor_with_their_written_state()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 3);
        var cluster = isolated.Cluster;
        var grain = await CrossSiloCallTests.RemoteGrainAsync(cluster);
        await grain.Increment();
        await grain.Increment();
        var victim = cluster.Silos.Single(silo => silo.Port == grain.GetSiloPort().Result);
        var killed = victim.Address;

        await cluster.KillSiloAsync(victim);
        await cluster.Silos[0].WaitForViewAsync(active => !active.Contains(killed), ViewTimeout);

        Assert.Equal(3, await grain.Increment());
        Assert.NotEqual(killed.Port, await grain.GetSiloPort());
    }

    [Fact]
    public async Task Reminders_owned_by_a_killed_silo_fire_on_a_survivor()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var victim = cluster.Silos[1];
        var key = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid().ToString("N"))
            .First(k => Router(victim).Owns(cluster.GrainFactory.GetGrain<IReminderGrain>(k).GetGrainId()));
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>(key);
        await grain.Start(TimeSpan.FromMilliseconds(200));
        await fixture.Probe.WaitForAsync($"reminder:{key}:tick");
        var killed = victim.Address;

        await cluster.KillSiloAsync(victim);
        await cluster.Silos[0].WaitForViewAsync(active => !active.Contains(killed), ViewTimeout);

        await fixture.Probe.WaitForAsync($"reminder:{key}:tick", includePast: false);
        await grain.Stop();
    }

    [Fact]
    public async Task A_silo_that_shuts_down_hands_its_grains_over_without_failing_calls_or_losing_writes()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var grains = Enumerable.Range(0, 40).Select(_ => cluster.GrainFactory.GetGrain<IPlacedGrain>(Guid.NewGuid().ToString("N"))).ToArray();
        var load = new LoadDriver(grains.Length, i => grains[i].Increment());
        load.Start(callers: 16);
        await load.WaitForCallsAsync(300);

        await cluster.StopSiloAsync(cluster.Silos[1]);
        await load.WaitForCallsAsync(300);
        await load.StopAsync();

        Assert.Empty(load.Failures);
        for (var i = 0; i < grains.Length; i++) Assert.Equal(load.Successes(i), await grains[i].GetCount());
        Assert.All(await Task.WhenAll(grains.Select(g => g.GetSiloPort())), port => Assert.Equal(cluster.Silos[0].Port, port));
    }

    [Fact]
    public async Task A_silo_its_peers_declared_dead_stops_serving_its_grains_and_they_answer_from_a_survivor()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var grain = await CrossSiloCallTests.RemoteGrainAsync(cluster);
        await grain.Increment();
        var victim = cluster.Silos.Single(silo => silo.Port != cluster.Silos[0].Port);
        var stopping = victim.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        // What a peer writes when a silo has been silent past the death timeout: a paused process, a lost network.
        await using (var dataSource = isolated.Database.CreateDataSource())
        await using (var declare = dataSource.CreateCommand(
            "update cluster_members set status = 'Dead', version = version + 1 where port = $1 and generation = $2"))
        {
            declare.Parameters.Add(new NpgsqlParameter { Value = victim.Address.Port });
            declare.Parameters.Add(new NpgsqlParameter { Value = victim.Address.Generation });
            Assert.Equal(1, await declare.ExecuteNonQueryAsync());
        }

        var stopped = new TaskCompletionSource();
        using (stopping.Register(() => stopped.TrySetResult())) await stopped.Task.WaitAsync(ViewTimeout);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => victim.GrainFactory.GetGrain<IPlacedGrain>(grain.GetPrimaryKeyString()).Increment());
        await cluster.Silos[0].WaitForViewAsync(active => !active.Contains(victim.Address), ViewTimeout);

        Assert.Equal(2, await grain.Increment());
        Assert.Equal(cluster.Silos[0].Port, await grain.GetSiloPort());
    }

    internal static ClusterRouter Router(TestSilo silo) =>
        ((SiloHostedService)silo.Services.GetService(typeof(SiloHostedService))!).Router!;
}
