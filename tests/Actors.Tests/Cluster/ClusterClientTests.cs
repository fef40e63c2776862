using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>A process that is not a silo calls grains and hosts observers through a gateway.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class ClusterClientTests(MultiSiloFixture fixture)
{
    [Fact]
    public async Task A_client_calls_grains_wherever_they_live_and_meets_the_same_activations_as_silos()
    {
        var client = await fixture.Cluster.StartClientAsync();
        var keys = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        var fromClient = await Task.WhenAll(keys.Select(key => client.GrainFactory.GetGrain<IPlacedGrain>(key).GetActivationId()));
        var fromSilo = await Task.WhenAll(keys.Select(key => fixture.Cluster.GrainFactory.GetGrain<IPlacedGrain>(key).GetActivationId()));

        Assert.NotNull(client.Gateway);
        Assert.Equal(fromSilo, fromClient);
        await Assert.ThrowsAsync<GrainFaultException>(() => client.GrainFactory.GetGrain<IPlacedGrain>(keys[0]).Fail("from a client"));
    }

    [Fact]
    public async Task Observers_in_a_client_receive_events_from_grains_on_any_silo()
    {
        var client = await fixture.Cluster.StartClientAsync();
        var collector = new NewsCollector();
        var observer = client.GrainFactory.CreateObjectReference<INewsObserver>(collector);
        var grains = Enumerable.Range(0, 6).Select(_ => client.GrainFactory.GetGrain<IPlacedGrain>(Guid.NewGuid().ToString("N"))).ToArray();

        foreach (var grain in grains) await grain.Subscribe(observer);
        foreach (var grain in grains) await grain.Publish(grain.GetPrimaryKeyString());

        Assert.Equal(grains.Select(g => g.GetPrimaryKeyString()).Order(), (await collector.WaitForAsync(grains.Length)).Order());
    }

    [Fact]
    public async Task A_client_moves_to_another_gateway_when_its_gateway_dies()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 2);
        var cluster = isolated.Cluster;
        var client = await cluster.StartClientAsync();
        var gateway = cluster.Silos.Single(silo => silo.Address == client.Gateway);
        var survivor = cluster.Silos.Single(silo => silo != gateway);
        var grain = await GrainOnAsync(client, survivor.Port);
        var collector = new NewsCollector();
        await grain.Subscribe(client.GrainFactory.CreateObjectReference<INewsObserver>(collector));
        await grain.Increment();
        var dead = gateway.Address;

        await cluster.KillSiloAsync(gateway);

        // A call already on the wire when the gateway died fails; the next goes through the survivor.
        Assert.Equal(2, await RetryOnceAsync(grain.Increment));
        Assert.Equal(survivor.Address, client.Gateway);
        await survivor.WaitForViewAsync(active => !active.Contains(dead), TimeSpan.FromSeconds(10));
        await grain.Publish("after");
        Assert.Equal(["after"], await collector.WaitForAsync(1));
    }

    private static async Task<T> RetryOnceAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SiloUnavailableException)
        {
            return await call();
        }
    }

    private static async Task<IPlacedGrain> GrainOnAsync(Testing.TestClient client, int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var grain = client.GrainFactory.GetGrain<IPlacedGrain>(Guid.NewGuid().ToString("N"));
            if (await grain.GetSiloPort() == port) return grain;
        }

        throw new InvalidOperationException($"No grain was placed on the silo at port {port} in 100 tries.");
    }
}
