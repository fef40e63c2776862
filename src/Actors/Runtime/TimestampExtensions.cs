namespace Platform.Actors.Runtime;

internal static class TimestampExtensions
{
    /// <summary>A duration in this clock's <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public static long TimestampTicks(this TimeProvider time, TimeSpan duration) =>
        (long)(duration.TotalSeconds * time.TimestampFrequency);
}
