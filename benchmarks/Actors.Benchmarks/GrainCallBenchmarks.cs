using BenchmarkDotNet.Attributes;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 1: the latency and allocations of one grain call from outside the silo, next to a direct
/// interface call and a minimal mailbox actor doing the same work.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GrainCallBenchmarks
{
    private readonly PlainAdder _plain = new();
    private MailboxActor _mailbox = null!;
    private TestCluster _cluster = null!;
    private IBenchGrain _grain = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _mailbox = new MailboxActor();
        var options = new TestClusterOptions();
        options.GrainAssemblies.Add(typeof(BenchGrain).Assembly);
        _cluster = await TestCluster.StartAsync(options);
        _grain = _cluster.GrainFactory.GetGrain<IBenchGrain>(0);
        await _grain.Add(0);
    }

    [GlobalCleanup]
    public async Task TearDownAsync()
    {
        _mailbox.Dispose();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "direct interface call")]
    public Task<int> DirectCall() => _plain.Add(1);

    [Benchmark(Description = "mailbox actor (Channel + TCS)")]
    public Task<int> MailboxActorCall() => _mailbox.Add(1);

    [Benchmark(Description = "grain call (one silo)")]
    public Task<int> GrainCall() => _grain.Add(1);
}
