namespace Platform.Actors.Tests.Grains;

public sealed class ProcessGrain([PersistentState("process")] IPersistentState<CounterState> counter) : Grain, IProcessGrain
{
    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetProcessId() => Task.FromResult(Environment.ProcessId);
}
