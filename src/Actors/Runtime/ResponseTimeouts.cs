using System.Collections.Concurrent;

namespace Platform.Actors.Runtime;

/// <summary>
/// Fails calls whose deadline passed. Calls are kept in slots by deadline and swept on a coarse tick:
/// one timer for the whole process instead of one per call, and nothing to remove when a call completes.
/// </summary>
internal sealed class ResponseTimeouts : IDisposable
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<IExpiringCall>[] _slots;
    private readonly ITimer _timer;
    private readonly long _ticksPerSlot;
    private long _sweptUpTo;

    public ResponseTimeouts(TimeProvider time)
    {
        _time = time;
        _ticksPerSlot = time.TimestampTicks(Resolution);
        _slots = new ConcurrentQueue<IExpiringCall>[1024];
        for (var i = 0; i < _slots.Length; i++) _slots[i] = new ConcurrentQueue<IExpiringCall>();
        _sweptUpTo = time.GetTimestamp() / _ticksPerSlot;
        _timer = time.CreateTimer(_ => Sweep(), null, Resolution, Resolution);
    }

    public void Track(IExpiringCall call)
    {
        // A deadline past the end of the ring waits in its last slot and is put back when swept early.
        var sweptUpTo = Volatile.Read(ref _sweptUpTo);
        var slotNumber = Math.Clamp(call.Deadline / _ticksPerSlot + 1, sweptUpTo + 1, sweptUpTo + _slots.Length - 1);
        _slots[slotNumber % _slots.Length].Enqueue(call);
    }

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        var timestamp = _time.GetTimestamp();
        var now = timestamp / _ticksPerSlot;
        List<IExpiringCall>? expired = null;
        List<IExpiringCall>? early = null;
        lock (_slots)
        {
            for (var slotNumber = _sweptUpTo + 1; slotNumber <= now; slotNumber++)
            {
                var slot = _slots[slotNumber % _slots.Length];
                while (slot.TryDequeue(out var call))
                {
                    if (call.IsCompleted) continue;
                    if (call.Deadline <= timestamp) (expired ??= []).Add(call);
                    else (early ??= []).Add(call);
                }
            }

            Volatile.Write(ref _sweptUpTo, Math.Max(_sweptUpTo, now));
        }

        foreach (var call in early ?? []) Track(call);
        foreach (var call in expired ?? []) call.Expire();
    }
}
