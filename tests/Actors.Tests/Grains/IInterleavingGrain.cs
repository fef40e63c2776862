namespace Platform.Actors.Tests.Grains;

/// <summary>Methods that hold their turn across an await, so interleaving, when it happens, is seen.</summary>
public interface IInterleavingGrain : IGrainWithStringKey
{
    /// <summary>Holds the turn for a while; returns the most requests ever seen inside this activation at once.</summary>
    Task<int> Hold(int milliseconds);

    /// <summary>Waits until <see cref="Signal"/> is called.</summary>
    Task WaitForSignal();

    [ReadOnly]
    Task WaitForSignalReadOnly();

    Task Signal();

    [AlwaysInterleave]
    Task SignalInterleaved();

    [ReadOnly]
    Task SignalReadOnly();

    /// <summary>Which signal methods ran, in order.</summary>
    Task<string[]> Signals();
}
