namespace Platform.Actors.Benchmarks;

/// <summary>Baseline: a direct interface call on a plain object.</summary>
public sealed class PlainAdder : IAdder
{
    private int _sum;

    public Task<int> Add(int amount) => Task.FromResult(_sum += amount);
}
