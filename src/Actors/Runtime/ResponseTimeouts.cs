using System.Collections.Concurrent;

namespace Platform.Actors.Runtime;

/// <summary>
/// Fails calls whose deadline passed. It holds only the calls still waiting (a call leaves when it completes) and
/// checks them all on a coarse tick: one timer for the whole process instead of one per call. Holding finished
/// calls until their deadline would keep every call of the last 30 seconds alive, millions under load, and make
/// each garbage collection walk them.
/// </summary>
internal sealed class ResponseTimeouts : IDisposable
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<IExpiringCall, byte> _waiting = new(ReferenceEqualityComparer.Instance);
    private readonly ITimer _timer;
    private readonly Lock _sweeping = new();

    public ResponseTimeouts(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(_ => Sweep(), null, Resolution, Resolution);
    }

    /// <summary>Calls waiting for their answer now.</summary>
    public int WaitingCount => _waiting.Count;

    public void Track(IExpiringCall call) => _waiting.TryAdd(call, 0);

    public void Completed(IExpiringCall call) => _waiting.TryRemove(call, out _);

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        // A slow sweep must not overlap the next tick's.
        if (!_sweeping.TryEnter()) return;
        try
        {
            var now = _time.GetTimestamp();
            List<IExpiringCall>? expired = null;
            foreach (var (call, _) in _waiting)
            {
                if (call.Deadline <= now) (expired ??= []).Add(call);
            }

            foreach (var call in expired ?? [])
            {
                _waiting.TryRemove(call, out _);
                call.Expire();
            }
        }
        finally
        {
            _sweeping.Exit();
        }
    }
}
