using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>Calls between the silos of one cluster, over TCP on loopback.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class CrossSiloCallTests(MultiSiloFixture fixture)
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Grains_spread_over_the_silos_and_each_has_one_activation_whoever_calls()
    {
        var keys = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        var ports = await Task.WhenAll(keys.Select(key => Cluster.Silos[0].GrainFactory.GetGrain<IPlacedGrain>(key).GetSiloPort()));
        var fromEachSilo = await Task.WhenAll(Cluster.Silos.Select(silo =>
            Task.WhenAll(keys.Select(key => silo.GrainFactory.GetGrain<IPlacedGrain>(key).GetActivationId()))));

        Assert.True(ports.Distinct().Count() >= 2, $"30 grains all landed on one silo ({ports[0]}).");
        Assert.All(fromEachSilo, ids => Assert.Equal(fromEachSilo[0], ids));
    }

    [Fact]
    public async Task Concurrent_first_calls_from_every_silo_meet_one_activation()
    {
        var key = Guid.NewGuid().ToString("N");

        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Cluster.Silos[i % Cluster.Silos.Count].GrainFactory.GetGrain<IPlacedGrain>(key).GetActivationId()));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Arguments_and_results_cross_silos_as_values_with_grain_references()
    {
        var grain = await RemoteGrainAsync();
        var sample = new Sample("café", [1, 2, 3], new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(1)),
            new Dictionary<string, decimal> { ["tea"] = 2.5m }, Cluster.GrainFactory.GetGrain<INewsGrain>("related"));

        var echoed = await grain.Echo(sample);

        Assert.Equal(sample.Name, echoed.Name);
        Assert.Equal(sample.Numbers, echoed.Numbers);
        Assert.Equal(sample.When, echoed.When);
        Assert.Equal(sample.Prices, echoed.Prices);
        Assert.Equal(sample.Related, echoed.Related);
        Assert.Equal(0, await echoed.Related!.SubscriberCount());
    }

    [Fact]
    public async Task An_exception_in_a_remote_grain_reaches_the_caller_with_its_type_and_message()
    {
        var grain = await RemoteGrainAsync();

        var exception = await Assert.ThrowsAsync<GrainFaultException>(() => grain.Fail("out of tea"));

        Assert.Equal("out of tea", exception.Message);
    }

    [Fact]
    public async Task A_call_chain_across_silos_calls_back_into_the_waiting_grain()
    {
        var first = await RemoteGrainAsync();
        var second = Guid.NewGuid().ToString("N");

        Assert.Equal(42, await first.CallBack(second).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_observer_in_one_silo_receives_events_from_a_grain_in_another()
    {
        var grain = await RemoteGrainAsync();
        var observer = new NewsCollector();
        var reference = Cluster.GrainFactory.CreateObjectReference<INewsObserver>(observer);

        await grain.Subscribe(reference);
        await grain.Publish("first");
        await grain.Publish("second");

        Assert.Equal(["first", "second"], await observer.WaitForAsync(2));
    }

    [Fact]
    public async Task A_silo_restarted_on_its_address_has_a_new_generation_and_refuses_what_was_meant_for_the_old_one()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var old = cluster.Silos[1].Address;

        var restarted = await cluster.RestartSiloAsync(cluster.Silos[1]);
        var transport = Transport(cluster.Silos[0]);

        Assert.Equal(old.Port, restarted.Address.Port);
        Assert.True(restarted.Address.Generation > old.Generation);
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => transport.ConnectAsync(old));
        Assert.Contains("refused", refused.Message);
        await transport.ConnectAsync(restarted.Address);
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_call_fails_the_call_at_once()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var grain = await RemoteGrainAsync(cluster);
        var hanging = grain.Hang();
        await fixture.Probe.WaitForAsync($"hanging:{grain.GetPrimaryKeyString()}");

        await cluster.KillSiloAsync(cluster.Silos[1]);

        var failure = await Assert.ThrowsAsync<SiloUnavailableException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(3)));
        Assert.Contains("lost", failure.Message);
    }

    internal static Platform.Actors.Transport.MessageCenter Transport(TestSilo silo) =>
        ((Hosting.SiloHostedService)silo.Services.GetService(typeof(Hosting.SiloHostedService))!).Router!.MessageCenter;

    private Task<IPlacedGrain> RemoteGrainAsync() => RemoteGrainAsync(Cluster);

    /// <summary>A grain that lives on another silo than the cluster's first, where the calls come from.</summary>
    internal static async Task<IPlacedGrain> RemoteGrainAsync(TestCluster cluster)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var grain = cluster.GrainFactory.GetGrain<IPlacedGrain>(Guid.NewGuid().ToString("N"));
            if (await grain.GetSiloPort() != cluster.Silos[0].Port) return grain;
        }

        throw new InvalidOperationException("No grain was placed on another silo in 100 tries.");
    }
}
