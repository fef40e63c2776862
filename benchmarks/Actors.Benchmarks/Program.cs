using BenchmarkDotNet.Running;
using Platform.Actors.Benchmarks;

// Load programs by name; anything else goes to BenchmarkDotNet.
//   throughput [callers] [targets] [seconds]   grains on one silo against mailbox actors
//   cluster [callers] [targets] [seconds]      calls to another silo against calls within one
//   failover [rounds]                          seconds from SIGKILL of a silo process to its grains answering again
switch (args)
{
    case ["throughput", ..]:
        await ThroughputLoad.RunAsync(Argument(1, 1000), Argument(2, 10_000), TimeSpan.FromSeconds(Argument(3, 10)));
        return;
    case ["cluster", ..]:
        await ClusterLoad.RunAsync(Argument(1, 1000), Argument(2, 10_000), TimeSpan.FromSeconds(Argument(3, 10)));
        return;
    case ["failover", ..]:
        await FailoverLoad.RunAsync(Argument(1, 3));
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrainCallBenchmarks).Assembly).Run(args);

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
