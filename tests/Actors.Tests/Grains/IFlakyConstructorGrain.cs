namespace Platform.Actors.Tests.Grains;

public interface IFlakyConstructorGrain : IGrainWithStringKey
{
    Task<string> Ping();
}
