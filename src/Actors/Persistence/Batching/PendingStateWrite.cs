namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// A write (or, with a null payload, a clear) waiting for its batch. It can be cancelled only while it is
/// still queued: once sent, the caller learns what the database did.
/// </summary>
internal sealed class PendingStateWrite
{
    private const int Queued = 0;
    private const int Sent = 1;
    private const int Cancelled = 2;

    // Completing must not run the caller's continuation on the writer loop, which would stall every
    // other write of the batch behind it.
    private readonly TaskCompletionSource<string> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellation;
    private int _phase = Queued;

    public PendingStateWrite(StateRow row, byte[]? payload, int? expectedVersion)
    {
        Row = row;
        Payload = payload;
        ExpectedVersion = expectedVersion;
    }

    public StateRow Row { get; }

    /// <summary>The state as JSON; null clears it.</summary>
    public byte[]? Payload { get; }

    /// <summary>The version the writer read; null when it saw no row.</summary>
    public int? ExpectedVersion { get; }

    public int NewVersion => (ExpectedVersion ?? 0) + 1;

    public Task<string> Completion => _completion.Task;

    /// <summary>Call before queueing, so the registration is in place before a writer loop can see the write.</summary>
    public void CancelWhileQueued(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return;
        _cancellation = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingStateWrite)state!).TryCancel(token), this);
    }

    /// <summary>Marks the write as sent; false when it was cancelled while it waited.</summary>
    public bool TryClaimForSending() => Interlocked.CompareExchange(ref _phase, Sent, Queued) == Queued;

    public void Succeed(int version)
    {
        _cancellation.Dispose();
        _completion.TrySetResult(VersionEtag.Format(version));
    }

    public void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    private void TryCancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _phase, Cancelled, Queued) == Queued) _completion.TrySetCanceled(token);
    }
}
