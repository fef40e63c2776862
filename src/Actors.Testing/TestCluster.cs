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

    public async Task<TestSilo> StartSiloAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(_options.Settings);
        if (_options.ConnectionString is { } connectionString)
        {
            builder.Configuration.AddInMemoryCollection([new("Platform:Postgres:ConnectionString", connectionString)]);
        }

        builder.Services.AddSilo(silo => silo.AddGrains([.. _options.GrainAssemblies]));
        if (_options.ConnectionString is not null) builder.Services.AddPostgresPersistence();
        _options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        var silo = new TestSilo(host, ++_siloNumber);
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
        var restarted = await StartSiloAsync();
        _silos.Remove(restarted);
        _silos.Insert(index, restarted);
        return restarted;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.ToArray()) await StopSiloAsync(silo);
    }
}
