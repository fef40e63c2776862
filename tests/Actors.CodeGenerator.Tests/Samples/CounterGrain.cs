namespace Platform.Actors.CodeGenerator.Tests.Samples;

/// <summary>A plain implementation, for generated requests to invoke without a runtime.</summary>
public sealed class CounterGrain : ICounterGrain
{
    public int Count { get; private set; }

    public Task<int> Add(int amount) => Task.FromResult(Count += amount);

    public ValueTask<int> Get() => new(Count);

    public Task Reset()
    {
        Count = 0;
        return Task.CompletedTask;
    }
}
