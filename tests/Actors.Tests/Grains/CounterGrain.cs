namespace Platform.Actors.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, TestProbe probe)
    : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private bool _unsaved;

    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task IncrementLater()
    {
        counter.State.Count++;
        _unsaved = true;
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Count);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved) await counter.WriteStateAsync(cancellationToken);
        probe.Record($"deactivated:{this.GetPrimaryKeyString()}:{reason.Code}");
    }
}
