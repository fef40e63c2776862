namespace Platform.Actors.Tests.Grains;

/// <summary>A counter that tells which process runs it; it needs nothing but storage, so silo processes can host it.</summary>
public interface IProcessGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> GetProcessId();
}
