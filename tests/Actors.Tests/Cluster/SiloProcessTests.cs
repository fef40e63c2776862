using System.Diagnostics;
using Npgsql;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>Silos as separate processes of the host (<c>src/Silo</c>) on loopback, one of them killed with SIGKILL.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class SiloProcessTests
{
    [Fact]
    public async Task Grains_of_a_silo_process_killed_with_sigkill_answer_again_from_a_survivor_with_their_state()
    {
        await using var database = await TestDatabase.CreateAsync();
        var connectionString = ConnectionString(database);
        var settings = SiloSettings(connectionString);
        var silos = new List<SiloProcess>();
        try
        {
            silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                SiloProcess.StartAsync(TestCluster.FreePort(), TestCluster.FreePort(), settings, TimeSpan.FromSeconds(90)))));
            var options = new TestClusterOptions { ConnectionString = connectionString };
            options.GrainAssemblies.Add(typeof(ProcessGrain).Assembly);
            await using var cluster = await TestCluster.StartAsync(options, siloCount: 0);
            var client = await cluster.StartClientAsync();
            var grains = Enumerable.Range(0, 12).Select(_ => client.GrainFactory.GetGrain<IProcessGrain>(Guid.NewGuid().ToString("N"))).ToArray();
            foreach (var grain in grains) await grain.Increment();
            var processes = await Task.WhenAll(grains.Select(g => g.GetProcessId()));
            Assert.True(processes.Distinct().Count() >= 2, "12 grains all landed in one silo process.");
            var victim = silos.Single(silo => silo.ProcessId == processes[0]);
            var orphans = grains.Where((_, i) => processes[i] == victim.ProcessId).ToArray();

            victim.Kill();
            var downtime = Stopwatch.StartNew();
            var counts = new List<int>();
            foreach (var grain in orphans) counts.Add(await AnswerAgainAsync(grain.Increment, TimeSpan.FromSeconds(30)));
            downtime.Stop();

            Assert.All(counts, count => Assert.Equal(2, count));
            Assert.All(await Task.WhenAll(orphans.Select(g => g.GetProcessId())), process => Assert.NotEqual(victim.ProcessId, process));
            Assert.True(downtime.Elapsed < TimeSpan.FromSeconds(15), $"The grains answered again only after {downtime.Elapsed}.");
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_whose_gateway_process_freezes_moves_to_another_gateway_within_its_idle_timeout()
    {
        await using var database = await TestDatabase.CreateAsync();
        var connectionString = ConnectionString(database);
        var silos = new List<SiloProcess>();
        try
        {
            silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                SiloProcess.StartAsync(TestCluster.FreePort(), TestCluster.FreePort(), SiloSettings(connectionString), TimeSpan.FromSeconds(90)))));
            var options = new TestClusterOptions { ConnectionString = connectionString };
            options.GrainAssemblies.Add(typeof(ProcessGrain).Assembly);
            options.Settings["Platform:ClusterClient:KeepAlivePeriod"] = "00:00:00.500";
            options.Settings["Platform:ClusterClient:IdleConnectionTimeout"] = "00:00:02";
            options.Settings["Platform:ClusterClient:ConnectTimeout"] = "00:00:01";
            await using var cluster = await TestCluster.StartAsync(options, siloCount: 0);
            var client = await cluster.StartClientAsync();
            await client.GrainFactory.GetGrain<IProcessGrain>(Guid.NewGuid().ToString("N")).Increment();
            var frozen = silos.Single(silo => silo.Port == client.Gateway!.Port);

            // Its sockets stay open and say nothing: only the silence tells the client.
            frozen.Freeze();
            var moved = Stopwatch.StartNew();
            var count = await AnswerAgainAsync(() => client.GrainFactory.GetGrain<IProcessGrain>(Guid.NewGuid().ToString("N")).Increment(), TimeSpan.FromSeconds(25));
            moved.Stop();

            Assert.Equal(1, count);
            Assert.NotEqual(frozen.Port, client.Gateway?.Port);
            Assert.True(moved.Elapsed < TimeSpan.FromSeconds(20), $"The client answered again only after {moved.Elapsed}.");
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static string ConnectionString(TestDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 4 }.ConnectionString;

    private static Dictionary<string, string?> SiloSettings(string connectionString) => new()
    {
        ["Platform:Postgres:ConnectionString"] = connectionString,
        // The host runs its own grains; these tests' grain classes are loaded from this assembly's file.
        ["Platform:Silo:GrainAssemblies:0"] = typeof(ProcessGrain).Assembly.Location,
        ["Platform:GrainStorage:WriterCount"] = "1",
        ["Platform:Membership:HeartbeatPeriod"] = "00:00:00.200",
        // Silo processes share the machine with the other test projects: a process starved for a few seconds must
        // not be declared dead (and stop, as a silo declared dead does) before the test means it to be.
        ["Platform:Membership:DeathTimeout"] = "00:00:05",
    };

    // Until the survivors declare the dead silo dead (the death timeout), calls to its grains fail fast; a
    // caller retries them, as a client would, with a short pause so that retries do not spin.
    private static async Task<T> AnswerAgainAsync<T>(Func<Task<T>> call, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (SiloUnavailableException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
        }
    }
}
