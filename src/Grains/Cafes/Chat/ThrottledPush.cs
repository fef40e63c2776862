using Platform.Actors;

namespace Platform.Grains.Cafes.Chat;

/// <summary>
/// Pushes at most once per interval: the first change after a quiet spell goes out at once, and the changes that
/// follow within the interval are gathered into one push at its end (on a grain timer, so it runs as a turn).
/// </summary>
internal sealed class ThrottledPush(TimeSpan interval, TimeProvider time, Func<TimeSpan, Func<Task>, IGrainTimer> schedule, Action push)
{
    private IGrainTimer? _pending;
    private DateTimeOffset _pushedAt = DateTimeOffset.MinValue;

    public void Changed()
    {
        if (_pending is not null) return;
        var wait = _pushedAt == DateTimeOffset.MinValue ? TimeSpan.Zero : _pushedAt + interval - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Push();
            return;
        }

        _pending = schedule(wait, () =>
        {
            _pending?.Dispose();
            _pending = null;
            Push();
            return Task.CompletedTask;
        });
    }

    private void Push()
    {
        _pushedAt = time.GetUtcNow();
        push();
    }
}
