namespace Platform.Actors.Benchmarks;

/// <summary>
/// How long this process's threads have been ready to run but waiting for a core since <see cref="Start"/>, from
/// Linux's scheduler statistics (<c>/proc/self/task/*/schedstat</c>, second field); zero elsewhere. Threads are
/// matched by id, so that one that exits in between takes only its own share with it.
/// </summary>
internal sealed class RunQueueWait
{
    private readonly Dictionary<string, long> _atStart;

    private RunQueueWait(Dictionary<string, long> atStart) => _atStart = atStart;

    public static RunQueueWait Start() => new(Read());

    public TimeSpan Elapsed
    {
        get
        {
            long nanoseconds = 0;
            foreach (var (thread, waited) in Read()) nanoseconds += waited - _atStart.GetValueOrDefault(thread);
            return TimeSpan.FromTicks(nanoseconds / 100);
        }
    }

    private static Dictionary<string, long> Read()
    {
        var waits = new Dictionary<string, long>();
        if (!OperatingSystem.IsLinux()) return waits;
        foreach (var thread in System.IO.Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(thread, "schedstat")).Split(' ');
                if (fields.Length > 1 && long.TryParse(fields[1], out var waited)) waits[Path.GetFileName(thread)] = waited;
            }
            catch (IOException)
            {
                // The thread exited while it was read.
            }
        }

        return waits;
    }
}
