using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>An observer that collects headlines and lets a test await a number of them.</summary>
public sealed class NewsCollector : INewsObserver
{
    private readonly List<string> _headlines = [];
    private readonly List<(int Count, TaskCompletionSource<string[]> Seen)> _waiters = [];

    public void NewsArrived(string headline)
    {
        lock (_headlines)
        {
            _headlines.Add(headline);
            foreach (var waiter in _waiters.Where(w => _headlines.Count >= w.Count).ToArray())
            {
                waiter.Seen.TrySetResult([.. _headlines]);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<string[]> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_headlines)
        {
            if (_headlines.Count >= count) return Task.FromResult<string[]>([.. _headlines]);
            _waiters.Add((count, seen));
        }

        return seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }
}
