namespace Platform.Actors;

/// <summary>
/// A grain's subscribers, as Orleans' utility of the same name keeps them: a subscription lasts
/// <see cref="ExpirationDuration"/> unless renewed by subscribing again, so a subscriber that died
/// without unsubscribing (a crashed API node) is dropped. An observer whose call fails is dropped too.
/// Not thread-safe: it belongs to one grain, whose turns are single-threaded.
/// </summary>
public sealed class ObserverManager<TObserver>(TimeSpan expirationDuration, TimeProvider? time = null)
    where TObserver : notnull
{
    private readonly Dictionary<TObserver, DateTimeOffset> _lastSeen = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public TimeSpan ExpirationDuration { get; set; } = expirationDuration;

    public int Count => _lastSeen.Count;

    public IEnumerable<TObserver> Observers => _lastSeen.Keys;

    /// <summary>Adds the observer, or renews its subscription.</summary>
    public void Subscribe(TObserver observer) => _lastSeen[observer] = _time.GetUtcNow();

    public void Unsubscribe(TObserver observer) => _lastSeen.Remove(observer);

    public void Clear() => _lastSeen.Clear();

    public void ClearExpired()
    {
        var oldest = _time.GetUtcNow() - ExpirationDuration;
        foreach (var (observer, lastSeen) in _lastSeen.ToArray())
        {
            if (lastSeen < oldest) _lastSeen.Remove(observer);
        }
    }

    /// <summary>Calls every live observer (those matching <paramref name="predicate"/>); drops expired and failing ones.</summary>
    public void Notify(Action<TObserver> notification, Func<TObserver, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ClearExpired();
        foreach (var observer in _lastSeen.Keys.ToArray())
        {
            if (predicate is not null && !predicate(observer)) continue;
            try
            {
                notification(observer);
            }
            catch (Exception)
            {
                _lastSeen.Remove(observer);
            }
        }
    }

    /// <summary>Calls every live observer and waits for all; drops expired ones and those whose call failed.</summary>
    public async Task NotifyAsync(Func<TObserver, Task> notification, Func<TObserver, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ClearExpired();
        var calls = _lastSeen.Keys.Where(o => predicate is null || predicate(o)).Select(o => (Observer: o, Call: Call(o))).ToArray();
        foreach (var (observer, call) in calls)
        {
            try
            {
                await call;
            }
            catch (Exception)
            {
                _lastSeen.Remove(observer);
            }
        }

        Task Call(TObserver observer)
        {
            try
            {
                return notification(observer);
            }
            catch (Exception exception)
            {
                return Task.FromException(exception);
            }
        }
    }
}
