namespace Platform.Actors.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="otherKey"/>, which calls this grain back.</summary>
    Task<string> CallThrough(string otherKey);

    Task<string> CallBack(string callerKey);

    Task<string> Name();
}
