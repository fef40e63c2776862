namespace Platform.Actors.Benchmarks;

public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> Add(int amount);
}
