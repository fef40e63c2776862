using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Actors.Client;
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
    private readonly List<TestClient> _clients = [];
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
        port ??= FreePort();
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

    /// <summary>Starts a cluster client (a process that runs no grains) that calls the cluster through a gateway.</summary>
    public async Task<TestClient> StartClientAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(_options.Settings);
        if (_options.ConnectionString is { } connectionString)
        {
            builder.Configuration.AddInMemoryCollection([new("Platform:Postgres:ConnectionString", connectionString)]);
        }

        builder.Services.AddClusterClient(client => client.AddGrains([.. _options.GrainAssemblies]));
        _options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        var client = new TestClient(host);
        _clients.Add(client);
        return client;
    }

    /// <summary>Stops a silo gracefully: its grains deactivate and finish their writes.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        _silos.Remove(silo);
        await silo.Host.StopAsync();
        if (silo.Host is IAsyncDisposable host) await host.DisposeAsync();
        else silo.Host.Dispose();
    }

    /// <summary>
    /// Kills a silo as a crash would: no deactivation, no goodbye to the membership table, its connections
    /// reset. Its peers find out from the membership table, after the death timeout.
    /// </summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        _silos.Remove(silo);
        silo.Services.GetRequiredService<SiloHostedService>().Kill();
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

    /// <summary>A TCP port nothing uses now, for a silo or host started next.</summary>
    /// <remarks>
    /// Not one the system picks: those come from the range it also gives outgoing connections (from 32768 on Linux),
    /// and with silos and databases connecting all the time, one took the port while a silo process was starting.
    /// Below that range only listeners take ports, and the probe skips those there are.
    /// </remarks>
    public static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(10_000, 32_768);
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                // Taken: try another.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.Host.StopAsync();
            client.Host.Dispose();
        }

        _clients.Clear();
        foreach (var silo in _silos.ToArray()) await StopSiloAsync(silo);
    }
}
