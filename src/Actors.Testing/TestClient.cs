using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Actors.Client;
using Platform.Actors.Membership;

namespace Platform.Actors.Testing;

/// <summary>A cluster client of a <see cref="TestCluster"/>: a host of its own in the test process that runs no grains.</summary>
public sealed class TestClient(IHost host)
{
    public IHost Host { get; } = host;

    public IGrainFactory GrainFactory => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo the client sends through at the moment.</summary>
    public SiloAddress? Gateway => Host.Services.GetRequiredService<ClusterClientRuntime>().Gateway;
}
