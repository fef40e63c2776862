using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests;

/// <summary>One database and one running silo, shared by the tests of <see cref="ClusterCollection"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestProbe Probe { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Cluster = await TestCluster.StartAsync(Options());
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>The options of this fixture's cluster, for tests that start a cluster of their own on the same database.</summary>
    public TestClusterOptions Options()
    {
        var options = new TestClusterOptions { ConnectionString = Database.ConnectionString };
        options.GrainAssemblies.Add(typeof(CounterGrain).Assembly);
        options.Settings["Platform:Reminders:MinimumPeriod"] = "00:00:00.100";
        // Silos on one database form one cluster: a test that starts a cluster of its own on this database
        // joins this one, and prefer-local placement keeps the grains it calls on its own silo (with its settings).
        options.Settings["Platform:Cluster:Placement"] = "PreferLocal";
        options.Settings["Platform:Messaging:ResponseTimeout"] = "00:00:10";
        // Some tests leave a request hanging on purpose; shutdown waits this long for it.
        options.Settings["Platform:GrainCollection:DeactivationTimeout"] = "00:00:02";
        options.ConfigureServices = services => services.AddSingleton(Probe);
        return options;
    }
}
