using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Actors.Hosting;
using Platform.Actors.Persistence;

namespace Platform.Actors.Testing;

/// <summary>
/// Silos in one process, against a test database, for xunit fixtures and load tests. Start one per
/// collection fixture; tests take grain references from <see cref="GrainFactory"/>.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    // Silos in one test process need addresses of their own, also across clusters.
    private static int _nextPort = 30_000;

    private readonly TestClusterOptions _options;
    private readonly List<TestSilo> _silos = [];
    private int _siloNumber;

    private TestCluster(TestClusterOptions options) => _options = options;

    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>The factory of the first silo: calls from it come from outside any grain.</summary>
    public IGrainFactory GrainFactory => _silos[0].GrainFactory;

    public static async Task<TestCluster> StartAsync(TestClusterOptions options, int siloCount = 1)
    {
        var cluster = new TestCluster(options);
        for (var i = 0; i < siloCount; i++) await cluster.StartSiloAsync();
        return cluster;
    }

    /// <summary>Starts a silo on a new address, or on <paramref name="port"/> (a restart: same address, new generation).</summary>
    public async Task<TestSilo> StartSiloAsync(int? port = null)
    {
        port ??= Interlocked.Increment(ref _nextPort);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(_options.Settings);
        builder.Configuration.AddInMemoryCollection([new("Platform:Silo:Port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        if (_options.ConnectionString is { } connectionString)
        {
            builder.Configuration.AddInMemoryCollection([new("Platform:Postgres:ConnectionString", connectionString)]);
        }

        builder.Services.AddSilo(silo => silo.AddGrains([.. _options.GrainAssemblies]));
        if (_options.ConnectionString is not null) builder.Services.AddPostgresPersistence();
        _options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        var silo = new TestSilo(host, ++_siloNumber, port.Value);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops a silo gracefully: its grains deactivate and finish their writes.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        _silos.Remove(silo);
        await silo.Host.StopAsync();
        if (silo.Host is IAsyncDisposable host) await host.DisposeAsync();
        else silo.Host.Dispose();
    }

    /// <summary>Stops a silo and starts a new one in its place, on the same database.</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo)
    {
        var index = _silos.IndexOf(silo);
        await StopSiloAsync(silo);
        var restarted = await StartSiloAsync(silo.Port);
        _silos.Remove(restarted);
        _silos.Insert(index, restarted);
        return restarted;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.ToArray()) await StopSiloAsync(silo);
    }
}
