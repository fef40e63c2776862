namespace Platform.Actors;

/// <summary>
/// How a grain timer ticks. Like Orleans: a tick is scheduled like a request (it does not interleave with
/// other requests unless <see cref="Interleave"/>), it does not keep an idle grain alive unless
/// <see cref="KeepAlive"/>, and the next tick is due a period after the previous callback finished.
/// </summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    public bool Interleave { get; init; }

    public bool KeepAlive { get; init; }
}
