using System.Diagnostics;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 5: in one run, calls to grains on another silo (over TCP on loopback) against calls to the same
/// grains from their own silo, and against the plainest remote call (<see cref="PlainRemoteAdder"/>):
/// throughput and p50/p99 latency with many concurrent callers, then the latency of cross-silo calls paced
/// at half of their maximum throughput and at lighter loads, beside the same paced load within one silo, over
/// the plain connection and with a call that does nothing, and the plain call paced at half of its own
/// maximum. Two silos in this process, on a database of their own; grains are placed on the silo that first
/// calls them (prefer-local). The unpaced paths run in one-second slices in turn: this shared machine's speed
/// changes within seconds, and measurements ten seconds apart compared its moods as much as the paths.
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
        // The first silo learns where each grain lives from the directory in PostgreSQL, once. Without this, the first
        // seconds of cross-silo calls measured those lookups (about 2,000 a second), not the transport.
        var lookups = Stopwatch.StartNew();
        await Task.WhenAll(remote.Select(g => g.Add(0)));
        Console.Error.WriteLine($"the other silo found the {targets:N0} grains in the directory in {lookups.Elapsed.TotalSeconds:0.0} s");

        await using var plain = await PlainRemoteAdder.StartAsync(targets);
        Func<int, Task<int>> sameSilo = i => local[i].Add(1), otherSilo = i => remote[i].Add(1), plainTcp = i => plain.Add(i, 1);
        Func<int, Task<int>>[] paths = [sameSilo, otherSilo, plainTcp];

        Console.Error.WriteLine("warming up");
        foreach (var path in paths) await MeasureAsync(path, callers, targets, TimeSpan.FromSeconds(2), rate: null);
        Console.Error.WriteLine("same silo, other silo and plain TCP, in turn");
        var samples = paths.Select(_ => new List<Sample>()).ToArray();
        var slices = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        for (var slice = 0; slice < slices; slice++)
        {
            // Each path goes first in turn, so that none always runs on another's garbage.
            for (var step = 0; step < paths.Length; step++)
            {
                var path = (slice + step) % paths.Length;
                samples[path].Add(await MeasureAsync(paths[path], callers, targets, duration / slices, rate: null));
            }
        }

        var sameResult = Result.Of(samples[0]);
        var otherResult = Result.Of(samples[1]);
        var plainResult = Result.Of(samples[2]);
        var sliceRatios = samples[0].Zip(samples[1], (s, o) => o.Throughput / s.Throughput).Order().ToArray();
        var plainRatios = samples[2].Zip(samples[1], (p, o) => o.Throughput / p.Throughput).Order().ToArray();
        Console.Error.WriteLine("paced");
        var halfRate = otherResult.Throughput / 2;
        var half = Result.Of([await MeasureAsync(otherSilo, callers, targets, duration, halfRate)]);
        // The same paced load within one silo and over the plain connection, and a light one across: what the pacing
        // and the machine cost, apart from the transport.
        var sameHalf = Result.Of([await MeasureAsync(sameSilo, callers, targets, duration, halfRate)]);
        var plainHalf = Result.Of([await MeasureAsync(plainTcp, callers, targets, duration, halfRate)]);
        // The pacing alone (a call that does nothing), and the plain call at half of its own maximum: whether the goal of
        // p99 under 2 ms at half of the maximum is within this machine's reach for any remote call.
        Func<int, Task<int>> nothing = Task.FromResult;
        var pacingAlone = Result.Of([await MeasureAsync(nothing, callers, targets, duration / 2, halfRate)]);
        var plainOwnHalf = Result.Of([await MeasureAsync(plainTcp, callers, targets, duration, plainResult.Throughput / 2)]);
        // Where the latency across starts to climb: lighter paced loads, half as long each.
        double[] fractions = [0.1, 0.2, 0.3, 0.4];
        var lighter = new List<Result>();
        foreach (var fraction in fractions) lighter.Add(Result.Of([await MeasureAsync(otherSilo, callers, targets, duration / 2, otherResult.Throughput * fraction)]));

        Console.WriteLine($"same silo:                 {sameResult}");
        Console.WriteLine($"other silo:                {otherResult}   ({otherResult.Throughput / sameResult.Throughput:0.00}x the same-silo throughput)");
        Console.WriteLine($"                           other / same in each of the {slices} turns: {Spread(sliceRatios)}");
        Console.WriteLine($"plain TCP call:            {plainResult}   (other silo: {otherResult.Throughput / plainResult.Throughput:0.00}x of this)");
        Console.WriteLine($"                           other silo / plain in each turn: {Spread(plainRatios)}");
        Console.WriteLine($"other silo, at half:       {half}");
        Console.WriteLine($"same silo, at that rate:   {sameHalf}");
        Console.WriteLine($"plain TCP, at that rate:   {plainHalf}");
        Console.WriteLine($"pacing alone, that rate:   {pacingAlone}");
        Console.WriteLine($"plain TCP, at its half:    {plainOwnHalf}");
        for (var i = 0; i < fractions.Length; i++) Console.WriteLine($"other silo, at {fractions[i],3:0.0} of max: {lighter[i]}");
    }

    private static string Spread(double[] ordered) =>
        $"median {ordered[ordered.Length / 2]:0.00}x, from {ordered[0]:0.00}x to {ordered[^1]:0.00}x";

    private static async Task<Sample> MeasureAsync(Func<int, Task<int>> call, int callers, int targets, TimeSpan duration, double? rate)
    {
        var histogram = new LatencyHistogram();
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var runQueueWait = RunQueueWait.Start();
        var watch = Stopwatch.StartNew();
        long[] callsPerCaller;
        if (rate is { } perSecond)
        {
            var paced = await PacedCalls.RunAsync(call, callers, targets, duration, perSecond, histogram);
            Console.Error.WriteLine($"pacer: at most {paced.LargestReleaseMilliseconds:0.0} ms of calls released at once");
            callsPerCaller = paced.CallsPerCaller;
        }
        else
        {
            callsPerCaller = new long[callers];
            using var stop = new CancellationTokenSource(duration);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(seed => Task.Run(async () =>
            {
                var random = new Random(seed);
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    await call(random.Next(targets));
                    histogram.Record(start);
                    callsPerCaller[seed]++;
                }
            })));
        }

        var elapsed = watch.Elapsed;
        var waited = runQueueWait.Elapsed;
        return new Sample(
            histogram, callsPerCaller, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, waited, ThreadPool.ThreadCount,
            GC.CollectionCount(0) - gcBefore.Gen0, GC.CollectionCount(1) - gcBefore.Gen1, GC.CollectionCount(2) - gcBefore.Gen2,
            GC.GetTotalPauseDuration() - gcBefore.Pause, GC.GetTotalAllocatedBytes() - gcBefore.Allocated);
    }

    // One measurement's calls (and each caller's count of them) and what the process used meanwhile.
    private sealed record Sample(
        LatencyHistogram Latencies, long[] CallsPerCaller, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan WaitedForCore, int PoolThreads, int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
    {
        public double Throughput => Latencies.Count / Elapsed.TotalSeconds;
    }

    // CPU time per call counts what the process used (both silos and the callers), so it moves less than throughput
    // when the shared machine gives the process less time. Waiting threads: how many of the process's threads were, on
    // average, ready to run but waiting for a core (more than the cores can run at once, or the machine's other work).
    // Pool threads: the most the thread pool had at the end of a measurement (it adds threads under load, and keeps them a while).
    private sealed record Result(
        double Throughput, double P50, double P99, double CpuMicrosecondsPerCall, double WaitingThreads, int PoolThreads, GcActivity Gc, CallerSpread Callers)
    {
        public static Result Of(IReadOnlyList<Sample> samples)
        {
            var latencies = new LatencyHistogram();
            foreach (var sample in samples) latencies.Add(sample.Latencies);
            var calls = Math.Max(1, latencies.Count);
            var elapsed = samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.Elapsed);
            var gc = new GcActivity(
                samples.Sum(sample => sample.Gen0), samples.Sum(sample => sample.Gen1), samples.Sum(sample => sample.Gen2),
                samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.Paused) / elapsed,
                samples.Sum(sample => sample.Allocated) / calls);
            return new Result(
                latencies.Count / elapsed.TotalSeconds, latencies.Percentile(0.5), latencies.Percentile(0.99),
                samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.Cpu).TotalMicroseconds / calls,
                samples.Aggregate(TimeSpan.Zero, (sum, sample) => sum + sample.WaitedForCore) / elapsed, samples.Max(sample => sample.PoolThreads), gc,
                CallsPerCaller(samples));
        }

        public override string ToString() =>
            $"{Throughput,10:N0} calls/s   p50 {P50:0.00} ms   p99 {P99:0.00} ms   CPU {CpuMicrosecondsPerCall:0.00} µs per call   {WaitingThreads:0.0} threads waiting for a core ({PoolThreads} pool threads)   {Gc}   {Callers}";

        // Each caller's calls over all the measurements.
        private static CallerSpread CallsPerCaller(IReadOnlyList<Sample> samples) =>
            CallerSpread.Of(Enumerable.Range(0, samples[0].CallsPerCaller.Length).Select(caller => samples.Sum(sample => sample.CallsPerCaller[caller])).ToArray());
    }

    // Collections during a measurement, the share of its time the process stood still for them, and what each call
    // allocated (both silos and the callers together).
    private sealed record GcActivity(int Gen0, int Gen1, int Gen2, double PausedShare, long BytesPerCall)
    {
        public override string ToString() => $"GCs {Gen0}/{Gen1}/{Gen2}, paused {PausedShare:P1}, {BytesPerCall:N0} B per call";
    }
}
