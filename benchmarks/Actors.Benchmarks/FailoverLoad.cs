using System.Diagnostics;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 5: seconds from SIGKILL of a silo process to its grains answering again from the survivors,
/// with the default membership settings. Three silo processes of the host (src/Silo, Release build) and
/// a cluster client in this process; calls to the dead silo's grains are retried every 50 ms.
/// </summary>
internal static class FailoverLoad
{
    public static async Task RunAsync(int rounds)
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Postgres:ConnectionString"] = database.ConnectionString,
            ["Platform:Silo:GrainAssemblies:0"] = typeof(FailoverGrain).Assembly.Location,
            // Quiet, but for the line SiloProcess waits for.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Platform.Actors.Hosting"] = "Information",
        };
        var silos = new List<SiloProcess>();
        try
        {
            silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 2 + rounds).Select(_ =>
                SiloProcess.StartAsync(TestCluster.FreePort(), TestCluster.FreePort(), settings, TimeSpan.FromMinutes(2)))));
            var options = new TestClusterOptions { ConnectionString = database.ConnectionString };
            options.GrainAssemblies.Add(typeof(FailoverGrain).Assembly);
            await using var cluster = await TestCluster.StartAsync(options, siloCount: 0);
            var client = await cluster.StartClientAsync();
            for (var round = 0; round < rounds; round++)
            {
                var grains = Enumerable.Range(round * 100, 30).Select(i => client.GrainFactory.GetGrain<IFailoverGrain>(i)).ToArray();
                var processes = await Task.WhenAll(grains.Select(g => g.GetProcessId()));
                var victim = silos.Single(s => s.ProcessId == processes[0]);
                var orphans = grains.Where((_, i) => processes[i] == victim.ProcessId).ToArray();

                victim.Kill();
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(orphans.Select(RetryAsync));
                Console.WriteLine($"round {round + 1}: {orphans.Length} grains of the killed silo answered again after {watch.Elapsed.TotalSeconds:0.00} s");
                silos.Remove(victim);
                await victim.DisposeAsync();
            }
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static async Task RetryAsync(IFailoverGrain grain)
    {
        while (true)
        {
            try
            {
                await grain.GetProcessId();
                return;
            }
            catch (SiloUnavailableException)
            {
                await Task.Delay(50);
            }
        }
    }
}
