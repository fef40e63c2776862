namespace Platform.Actors.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task<Guid> GetActivationId();

    Task Deactivate();
}
