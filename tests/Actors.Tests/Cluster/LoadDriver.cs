using System.Collections.Concurrent;

namespace Platform.Actors.Tests.Cluster;

/// <summary>
/// Callers that call grains again and again until stopped, counting successes per target and keeping
/// failures, so a test can change the cluster under load and then check nothing was lost.
/// </summary>
public sealed class LoadDriver
{
    private readonly Func<int, Task> _call;
    private readonly int _targets;
    private readonly int[] _successes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> _waiters = [];
    private Task _running = Task.CompletedTask;
    private long _total;

    public LoadDriver(int targets, Func<int, Task> call)
    {
        _targets = targets;
        _call = call;
        _successes = new int[targets];
    }

    public ConcurrentQueue<Exception> Failures { get; } = new();

    public int Successes(int target) => Volatile.Read(ref _successes[target]);

    public void Start(int callers) =>
        _running = Task.WhenAll(Enumerable.Range(0, callers).Select(seed => Task.Run(() => CallAsync(seed))));

    /// <summary>Completes once <paramref name="more"/> further calls have succeeded.</summary>
    public Task WaitForCallsAsync(long more)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((Interlocked.Read(ref _total) + more, reached));
        return reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    private async Task CallAsync(int seed)
    {
        var random = new Random(seed);
        while (!_stop.IsCancellationRequested)
        {
            var target = random.Next(_targets);
            try
            {
                await _call(target);
                Interlocked.Increment(ref _successes[target]);
                Completed(Interlocked.Increment(ref _total));
            }
            catch (Exception exception)
            {
                Failures.Enqueue(exception);
            }
        }
    }

    private void Completed(long total)
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => total >= w.Count).ToArray())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
