namespace Platform.Actors.Benchmarks;

public interface IFailoverGrain : IGrainWithIntegerKey
{
    Task<int> GetProcessId();
}
