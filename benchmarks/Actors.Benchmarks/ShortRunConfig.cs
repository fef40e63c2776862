using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Few iterations, in process: database round trips are noisy anyway, and building a separate benchmark
/// project per run would cost more than the run itself on a two-core machine.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortInProcess"));
    }
}
