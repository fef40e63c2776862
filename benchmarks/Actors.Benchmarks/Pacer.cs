using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Hands out calls due at a steady rate, from a thread of its own, in steps of about a tenth of a millisecond.
/// .NET timers tick on the coarse clock, every 4 ms on this machine's kernel (HZ=250): a 1 ms
/// <see cref="PeriodicTimer"/> released four milliseconds of calls at once, so a paced load arrived as bursts
/// of all callers, the same load as the unpaced one. A sleep in the kernel's high-resolution timers does not
/// round to the tick, and a thread of its own does not wait behind the thread pool's queue.
/// </summary>
internal sealed class Pacer : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMicroseconds(100);

    private readonly Action<int> _release;
    private readonly double _perSecond;
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _largestRelease;

    /// <summary>Calls <paramref name="release"/> on the pacer's thread with the number of calls that fell due since the last step.</summary>
    public Pacer(double perSecond, Action<int> release)
    {
        _perSecond = perSecond;
        _release = release;
        _thread = new Thread(Run) { IsBackground = true, Name = "Benchmark pacer" };
        _thread.Start();
    }

    /// <summary>The largest number of calls released at once, in milliseconds of the rate.</summary>
    public double LargestReleaseMilliseconds => _largestRelease * 1000 / _perSecond;

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Run()
    {
        var start = Stopwatch.GetTimestamp();
        long released = 0;
        while (!_stopped)
        {
            var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * _perSecond);
            if (due > released)
            {
                _largestRelease = Math.Max(_largestRelease, due - released);
                _release((int)(due - released));
                released = due;
            }

            Sleep();
        }
    }

    private static void Sleep()
    {
        if (OperatingSystem.IsLinux()) usleep((uint)Step.TotalMicroseconds);
        else Thread.Sleep(1);
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
}
