using BenchmarkDotNet.Running;
using Platform.Actors.Benchmarks;

// `throughput [callers] [targets] [seconds]` runs the load program; anything else goes to BenchmarkDotNet.
if (args is ["throughput", ..])
{
    var callers = args.Length > 1 ? int.Parse(args[1]) : 1000;
    var targets = args.Length > 2 ? int.Parse(args[2]) : 10_000;
    var seconds = args.Length > 3 ? int.Parse(args[3]) : 10;
    await ThroughputLoad.RunAsync(callers, targets, TimeSpan.FromSeconds(seconds));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrainCallBenchmarks).Assembly).Run(args);
