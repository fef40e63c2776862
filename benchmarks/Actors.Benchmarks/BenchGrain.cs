namespace Platform.Actors.Benchmarks;

public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _sum;

    public Task<int> Add(int amount) => Task.FromResult(_sum += amount);
}
