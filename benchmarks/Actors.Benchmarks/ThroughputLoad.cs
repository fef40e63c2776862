using System.Diagnostics;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 2: calls per second with many concurrent callers over many grains, next to the same load on
/// as many minimal mailbox actors, in one run. Callers pick targets at random and await each call.
/// </summary>
internal static class ThroughputLoad
{
    public static async Task RunAsync(int callers, int targets, TimeSpan duration)
    {
        Console.WriteLine($"{callers} concurrent callers, {targets} targets, {duration.TotalSeconds:0} s per measurement, {Environment.ProcessorCount} cores");

        var actors = Enumerable.Range(0, targets).Select(_ => new MailboxActor()).ToArray();
        await MeasureAsync(i => actors[i].Add(1), callers, targets, TimeSpan.FromSeconds(2));
        var mailbox = await MeasureAsync(i => actors[i].Add(1), callers, targets, duration);
        foreach (var actor in actors) actor.Dispose();

        var options = new TestClusterOptions();
        options.GrainAssemblies.Add(typeof(BenchGrain).Assembly);
        await using var cluster = await TestCluster.StartAsync(options);
        var grains = Enumerable.Range(0, targets).Select(i => cluster.GrainFactory.GetGrain<IBenchGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Add(0)));
        await MeasureAsync(i => grains[i].Add(1), callers, targets, TimeSpan.FromSeconds(2));
        var grain = await MeasureAsync(i => grains[i].Add(1), callers, targets, duration);

        Console.WriteLine($"mailbox actors: {mailbox}");
        Console.WriteLine($"grains:         {grain}   ({grain.Throughput / mailbox.Throughput:0.00}x the mailbox actors)");
    }

    private static async Task<Measurement> MeasureAsync(Func<int, Task<int>> call, int callers, int targets, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                await call(random.Next(targets));
                calls++;
            }

            return calls;
        })));
        return new Measurement(counts.Sum() / watch.Elapsed.TotalSeconds, CallerSpread.Of(counts));
    }

    private sealed record Measurement(double Throughput, CallerSpread Callers)
    {
        public override string ToString() => $"{Throughput,12:N0} calls/s   {Callers}";
    }
}
