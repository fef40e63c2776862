using Platform.Actors.Invocation;

namespace Platform.Actors.Runtime;

/// <summary>
/// One request on its way to a grain or observer. Everything in it can be written to a frame, so the same
/// message can cross a process boundary; only <see cref="ResponseSink"/> is local to the process holding it.
/// </summary>
internal sealed class Message(GrainId target, GrainRequest request, object? responseSink, CallChain? callChain, long deadline)
{
    public GrainId Target { get; } = target;

    public GrainRequest Request { get; } = request;

    /// <summary>An <see cref="IResponseSink{TResult}"/> for the request's result type; null for one-way messages.</summary>
    public object? ResponseSink { get; } = responseSink;

    /// <summary>The grains waiting on this message, for call-chain reentrancy and deadlock detection.</summary>
    public CallChain? CallChain { get; } = callChain;

    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>How often the message was forwarded or routed again between silos; past a limit it fails instead of wandering.</summary>
    public int Hops { get; set; }

    public override string ToString() => $"{Request.Method} on {Target}";
}
