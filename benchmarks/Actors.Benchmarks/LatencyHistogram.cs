using System.Diagnostics;

namespace Platform.Actors.Benchmarks;

/// <summary>Call latencies in 10 µs buckets up to one second, recorded by many callers without locks.</summary>
internal sealed class LatencyHistogram
{
    private const int BucketMicroseconds = 10;
    private readonly long[] _buckets = new long[100_000];

    public long Count => _buckets.Sum();

    public void Record(long startTimestamp)
    {
        var micros = Stopwatch.GetElapsedTime(startTimestamp).Ticks / 10;
        Interlocked.Increment(ref _buckets[Math.Min(micros / BucketMicroseconds, _buckets.Length - 1)]);
    }

    /// <summary>Adds another histogram's calls to this one's (when neither is being recorded into).</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++) _buckets[i] += other._buckets[i];
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the calls fell, in milliseconds.</summary>
    public double Percentile(double fraction)
    {
        var wanted = (long)Math.Ceiling(Count * fraction);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= wanted) return (i + 1) * BucketMicroseconds / 1000.0;
        }

        return double.NaN;
    }
}
