namespace Platform.Actors.Tests.Grains;

public class InterleavingGrain : Grain, IInterleavingGrain
{
    private readonly List<string> _signals = [];
    private TaskCompletionSource? _signal;
    private int _inside;
    private int _mostInside;

    public async Task<int> Hold(int milliseconds)
    {
        _mostInside = Math.Max(_mostInside, ++_inside);
        await Task.Delay(milliseconds);
        _inside--;
        return _mostInside;
    }

    public Task WaitForSignal() => Gate.Task;

    public Task WaitForSignalReadOnly() => Gate.Task;

    public Task Signal() => Open(nameof(Signal));

    public Task SignalInterleaved() => Open(nameof(SignalInterleaved));

    public Task SignalReadOnly() => Open(nameof(SignalReadOnly));

    public Task<string[]> Signals() => Task.FromResult(_signals.ToArray());

    private TaskCompletionSource Gate => _signal ??= new TaskCompletionSource();

    private Task Open(string signal)
    {
        _signals.Add(signal);
        Gate.TrySetResult();
        return Task.CompletedTask;
    }
}
