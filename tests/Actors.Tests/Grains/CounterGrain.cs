namespace Platform.Actors.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, TestProbe probe)
    : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Count);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{this.GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }
}
