using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Actors.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, a host of its own inside the test process.</summary>
public sealed class TestSilo(IHost host, int number, int port)
{
    public int Number { get; } = number;

    /// <summary>The silo's port, kept when it restarts.</summary>
    public int Port { get; } = port;

    public IHost Host { get; } = host;

    public IServiceProvider Services => Host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public override string ToString() => $"silo {Number}";
}
