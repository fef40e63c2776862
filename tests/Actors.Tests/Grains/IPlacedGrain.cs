namespace Platform.Actors.Tests.Grains;

/// <summary>A grain that tells where it runs, for cluster tests.</summary>
public interface IPlacedGrain : IGrainWithStringKey
{
    /// <summary>The port of the silo running this activation.</summary>
    Task<int> GetSiloPort();

    Task<Guid> GetActivationId();

    /// <summary>Counts, writing the count to storage.</summary>
    Task<int> Increment();

    Task<int> GetCount();

    Task<Sample> Echo(Sample sample);

    Task Fail(string message);

    /// <summary>Never answers (until the activation goes away).</summary>
    Task Hang();

    /// <summary>Calls <paramref name="otherKey"/>, which calls back this grain: a call chain across silos.</summary>
    Task<int> CallBack(string otherKey);

    Task<int> Answer();

    /// <summary>Asks <paramref name="otherKey"/> to call back this grain's <see cref="Answer"/>.</summary>
    Task<int> CallBackOn(IPlacedGrain caller);

    Task Subscribe(INewsObserver observer);

    Task Publish(string headline);
}
