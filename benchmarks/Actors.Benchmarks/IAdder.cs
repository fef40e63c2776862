namespace Platform.Actors.Benchmarks;

/// <summary>The same operation as <see cref="IBenchGrain"/>, for the baselines.</summary>
public interface IAdder
{
    Task<int> Add(int amount);
}
