namespace Platform.Actors.Tests.Grains;

/// <summary>A counter that logs each of its activations, start and end, in PostgreSQL (table <c>activation_log</c>).</summary>
public interface IChurnGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> GetCount();
}
