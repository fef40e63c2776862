using System.Diagnostics;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 4: in one run, calls to grains on another silo (over TCP on loopback) against calls to the same
/// grains from their own silo: throughput and p50/p99 latency with many concurrent callers, then the
/// latency of cross-silo calls paced at half of their maximum throughput. Two silos in this process,
/// on a database of their own; grains are placed on the silo that first calls them (prefer-local).
/// </summary>
internal static class ClusterLoad
{
    public static async Task RunAsync(int callers, int targets, TimeSpan duration)
    {
        Console.WriteLine($"{callers} concurrent callers, {targets} grains, {duration.TotalSeconds:0} s per measurement, {Environment.ProcessorCount} cores");
        await using var database = await TestDatabase.CreateAsync();
        // Ten thousand activations register at once: keep the silos within the server's connection limit.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 16 }.ConnectionString;
        var options = new TestClusterOptions { ConnectionString = connectionString };
        options.GrainAssemblies.Add(typeof(BenchGrain).Assembly);
        options.Settings["Platform:Cluster:Placement"] = "PreferLocal";
        await using var cluster = await TestCluster.StartAsync(options, siloCount: 2);
        var home = cluster.Silos[1].GrainFactory;
        var local = Enumerable.Range(0, targets).Select(i => home.GetGrain<IBenchGrain>(i)).ToArray();
        var remote = Enumerable.Range(0, targets).Select(i => cluster.Silos[0].GrainFactory.GetGrain<IBenchGrain>(i)).ToArray();
        await Task.WhenAll(local.Select(g => g.Add(0)));

        Console.Error.WriteLine("same silo");
        await MeasureAsync(i => local[i].Add(1), callers, targets, TimeSpan.FromSeconds(2), rate: null);
        var same = await MeasureAsync(i => local[i].Add(1), callers, targets, duration, rate: null);
        Console.Error.WriteLine("other silo");
        await MeasureAsync(i => remote[i].Add(1), callers, targets, TimeSpan.FromSeconds(2), rate: null);
        var other = await MeasureAsync(i => remote[i].Add(1), callers, targets, duration, rate: null);
        Console.Error.WriteLine("paced");
        var half = await MeasureAsync(i => remote[i].Add(1), callers, targets, duration, rate: other.Throughput / 2);
        // The same paced load within one silo, and a light one across: what the pacing and the machine cost, apart from the transport.
        var sameHalf = await MeasureAsync(i => local[i].Add(1), callers, targets, duration, rate: other.Throughput / 2);
        var tenth = await MeasureAsync(i => remote[i].Add(1), callers, targets, duration, rate: other.Throughput / 10);

        Console.WriteLine($"same silo:                 {same}");
        Console.WriteLine($"other silo:                {other}   ({other.Throughput / same.Throughput:0.00}x the same-silo throughput)");
        Console.WriteLine($"other silo, at half:       {half}");
        Console.WriteLine($"same silo, at that rate:   {sameHalf}");
        Console.WriteLine($"other silo, at a tenth:    {tenth}");
    }

    private static async Task<Result> MeasureAsync(Func<int, Task<int>> call, int callers, int targets, TimeSpan duration, double? rate)
    {
        var histogram = new LatencyHistogram();
        using var stop = new CancellationTokenSource(duration);
        using var pacer = rate is { } perSecond ? new Pacer(perSecond) : null;
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                if (pacer is not null)
                {
                    try
                    {
                        await pacer.WaitAsync(stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var start = Stopwatch.GetTimestamp();
                await call(random.Next(targets));
                histogram.Record(start);
            }
        })));
        var elapsed = watch.Elapsed;
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(1, histogram.Count);
        if (pacer is not null) Console.Error.WriteLine($"pacer: at most {pacer.LargestReleaseMilliseconds:0.0} ms of calls released at once");
        var gc = new GcActivity(
            GC.CollectionCount(0) - gcBefore.Gen0, GC.CollectionCount(1) - gcBefore.Gen1, GC.CollectionCount(2) - gcBefore.Gen2,
            (GC.GetTotalPauseDuration() - gcBefore.Pause) / elapsed,
            (GC.GetTotalAllocatedBytes() - gcBefore.Allocated) / Math.Max(1, histogram.Count));
        return new Result(histogram.Count / elapsed.TotalSeconds, histogram.Percentile(0.5), histogram.Percentile(0.99), cpuPerCall, gc);
    }

    // CPU time per call counts what the process used (both silos and the callers), so it moves less than throughput
    // when the shared machine gives the process less time.
    private sealed record Result(double Throughput, double P50, double P99, double CpuMicrosecondsPerCall, GcActivity Gc)
    {
        public override string ToString() =>
            $"{Throughput,10:N0} calls/s   p50 {P50:0.00} ms   p99 {P99:0.00} ms   CPU {CpuMicrosecondsPerCall:0.00} µs per call   {Gc}";
    }

    // Collections during a measurement, the share of its time the process stood still for them, and what each call
    // allocated (both silos and the callers together).
    private sealed record GcActivity(int Gen0, int Gen1, int Gen2, double PausedShare, long BytesPerCall)
    {
        public override string ToString() => $"GCs {Gen0}/{Gen1}/{Gen2}, paused {PausedShare:P1}, {BytesPerCall:N0} B per call";
    }
}
