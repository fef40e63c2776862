using Platform.Actors.Testing;

namespace Platform.Actors.Tests.Cluster;

/// <summary>A test's own cluster and the database it runs on, dropped together.</summary>
public sealed class IsolatedCluster(TestCluster cluster, TestDatabase database) : IAsyncDisposable
{
    public TestCluster Cluster { get; } = cluster;

    public TestDatabase Database { get; } = database;

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
