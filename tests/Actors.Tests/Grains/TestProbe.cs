using System.Collections.Concurrent;

namespace Platform.Actors.Tests.Grains;

/// <summary>
/// What test grains report, shared by every silo of a test cluster, so a test can await what happened
/// inside the runtime with a deadline instead of sleeping.
/// </summary>
public sealed class TestProbe
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    public IReadOnlyCollection<string> Events => _events;

    public void Record(string name)
    {
        _events.Enqueue(name);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(name)).ToArray())
            {
                waiter.Seen.TrySetResult(name);
                _waiters.Remove(waiter);
            }
        }
    }

    public int Count(string name) => _events.Count(e => e == name);

    /// <summary>Waits for an event recorded from now on (or already recorded, when <paramref name="includePast"/>).</summary>
    public Task<string> WaitForAsync(string name, bool includePast = true, TimeSpan? timeout = null) =>
        WaitForAsync(e => e == name, includePast, timeout);

    public Task<string> WaitForAsync(Func<string, bool> match, bool includePast = true, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (includePast && _events.FirstOrDefault(match) is { } past) return Task.FromResult(past);
            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }
}
