namespace Platform.Actors.Benchmarks;

/// <summary>
/// How many calls the slowest, the median and the fastest caller made. A scheduler that kept a few callers on their
/// threads would show many calls per second and a fine p99 for the calls those few made, while the rest waited.
/// </summary>
internal sealed record CallerSpread(long Slowest, long Median, long Fastest)
{
    public static CallerSpread Of(long[] callsPerCaller)
    {
        var ordered = callsPerCaller.Order().ToArray();
        return new CallerSpread(ordered[0], ordered[ordered.Length / 2], ordered[^1]);
    }

    public override string ToString() => $"calls per caller {Slowest:N0} / {Median:N0} / {Fastest:N0}";
}
