using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;

namespace Platform.Actors.Tests.Grains;

public sealed class PlacedGrain([PersistentState("placed")] IPersistentState<CounterState> counter, IOptions<SiloOptions> silo, IGrainFactory grainFactory, TestProbe probe)
    : Grain, IPlacedGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private readonly List<INewsObserver> _observers = [];

    public Task<int> GetSiloPort() => Task.FromResult(silo.Value.Port);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetCount() => Task.FromResult(counter.State.Count);

    public Task<Sample> Echo(Sample sample) => Task.FromResult(sample);

    public Task Fail(string message) => throw new GrainFaultException(message);

    public Task Hang()
    {
        probe.Record($"hanging:{this.GetPrimaryKeyString()}");
        return new TaskCompletionSource().Task;
    }

    public Task<int> CallBack(string otherKey) => grainFactory.GetGrain<IPlacedGrain>(otherKey).CallBackOn(grainFactory.GetGrain<IPlacedGrain>(GrainId));

    public Task<int> Answer() => Task.FromResult(42);

    public Task<int> CallBackOn(IPlacedGrain caller) => caller.Answer();

    public Task Subscribe(INewsObserver observer)
    {
        _observers.Add(observer);
        return Task.CompletedTask;
    }

    public Task Publish(string headline)
    {
        foreach (var observer in _observers) observer.NewsArrived(headline);
        return Task.CompletedTask;
    }
}
