namespace Platform.Actors.Benchmarks;

public sealed class FailoverGrain : Grain, IFailoverGrain
{
    public Task<int> GetProcessId() => Task.FromResult(Environment.ProcessId);
}
