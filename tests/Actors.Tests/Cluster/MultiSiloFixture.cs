using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>
/// One database and a cluster of three silos with short membership timings, shared by the tests of
/// <see cref="MultiSiloCollection"/>. Tests that kill or stop silos start clusters of their own from <see cref="Options"/>.
/// </summary>
public sealed class MultiSiloFixture : IAsyncLifetime
{
    public TestProbe Probe { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Cluster = await TestCluster.StartAsync(Options(), siloCount: 3);
        await WaitForFullViewAsync(Cluster);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Waits until every silo sees every other as active, so placement may use them all.</summary>
    public static Task WaitForFullViewAsync(TestCluster cluster) =>
        Task.WhenAll(cluster.Silos.Select(silo => silo.WaitForViewAsync(
            active => cluster.Silos.All(other => active.Contains(other.Address)), TimeSpan.FromSeconds(10))));

    /// <summary>
    /// A cluster of its own, on a database of its own (silos on one database form one cluster), for tests
    /// that kill, stop or restart silos; it is running with every silo in every view when returned.
    /// </summary>
    public async Task<IsolatedCluster> StartIsolatedAsync(int siloCount)
    {
        var database = await TestDatabase.CreateAsync();
        var cluster = await TestCluster.StartAsync(Options(database), siloCount);
        await WaitForFullViewAsync(cluster);
        return new IsolatedCluster(cluster, database);
    }

    public TestClusterOptions Options() => Options(Database);

    private TestClusterOptions Options(TestDatabase database)
    {
        // Many silos share one server with other test processes: keep each silo's pool small.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 4 }.ConnectionString;
        var options = new TestClusterOptions { ConnectionString = connectionString };
        options.GrainAssemblies.Add(typeof(PlacedGrain).Assembly);
        // Short enough for failover tests to be quick, long enough that a machine busy with builds does not
        // make silos miss heartbeats and declare each other dead.
        options.Settings["Platform:Membership:HeartbeatPeriod"] = "00:00:00.200";
        options.Settings["Platform:Membership:DeathTimeout"] = "00:00:03";
        options.Settings["Platform:GrainStorage:WriterCount"] = "1";
        options.Settings["Platform:Reminders:MinimumPeriod"] = "00:00:00.100";
        options.Settings["Platform:Reminders:RefreshPeriod"] = "00:00:00.500";
        options.Settings["Platform:Messaging:ResponseTimeout"] = "00:00:10";
        options.Settings["Platform:GrainCollection:DeactivationTimeout"] = "00:00:02";
        options.ConfigureServices = services => services.AddSingleton(Probe);
        return options;
    }
}
