using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests;

/// <summary>A silo whose clock moves only when a test advances it: timers, idle collection and expiry without waiting.</summary>
public sealed class ManualClockFixture : IAsyncLifetime
{
    public TestProbe Probe { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var options = new TestClusterOptions();
        options.GrainAssemblies.Add(typeof(CounterGrain).Assembly);
        options.Settings["Platform:GrainCollection:CollectionAge"] = "00:10:00";
        options.Settings["Platform:GrainCollection:CollectionQuantum"] = "00:01:00";
        options.ConfigureServices = services => services.AddSingleton(Probe).AddSingleton<TimeProvider>(Clock);
        Cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
