namespace Platform.Actors.Tests.Grains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task ThrowAfterAwait(string message);

    [ResponseTimeout("00:00:00.300")]
    Task Hang();

    Task<string> Ping();
}
