namespace Platform.Actors.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    /// <summary>Counts without writing; the count is written when the grain deactivates.</summary>
    Task IncrementLater();

    Task<int> Get();

    Task<Guid> GetActivationId();

    Task Deactivate();
}
