namespace Platform.Actors.Reminders;

/// <summary>A reminder this silo fires: one timer, re-armed for the next period boundary after each tick.</summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Func<ReminderEntry, DateTimeOffset, Task> _fire;
    private readonly ITimer _timer;
    private bool _disposed;
    private DateTimeOffset _nextDue;

    public ScheduledReminder(ReminderEntry entry, TimeProvider time, Func<ReminderEntry, DateTimeOffset, Task> fire)
    {
        Entry = entry;
        _time = time;
        _fire = fire;
        _timer = time.CreateTimer(static self => _ = ((ScheduledReminder)self!).TickAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Arm(time.GetUtcNow());
    }

    public ReminderEntry Entry { get; }

    public void Dispose()
    {
        lock (_timer)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    /// <summary>The first boundary (start plus a whole number of periods) after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDue(ReminderEntry entry, DateTimeOffset now)
    {
        if (now < entry.StartAt) return entry.StartAt;
        var periods = (now - entry.StartAt).Ticks / entry.Period.Ticks + 1;
        return entry.StartAt + TimeSpan.FromTicks(entry.Period.Ticks * periods);
    }

    // Ticks fall on period boundaries, not "a period after the last tick", so a slow grain does not make its reminder drift.
    private void Arm(DateTimeOffset after)
    {
        var now = _time.GetUtcNow();
        _nextDue = NextDue(Entry, after > now ? after : now);
        var wait = _nextDue - now;
        lock (_timer)
        {
            if (!_disposed) _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync()
    {
        var tickTime = _nextDue;
        try
        {
            await _fire(Entry, tickTime);
        }
        finally
        {
            Arm(tickTime);
        }
    }
}
