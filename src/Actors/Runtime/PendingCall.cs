using Platform.Actors.Copying;

namespace Platform.Actors.Runtime;

/// <summary>A local caller waiting for the answer to one request. Continuations never run on the callee's turn.</summary>
internal sealed class PendingCall<TResult>(TimeSpan timeout, long deadline, ResponseTimeouts timeouts)
    : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), IResponseSink<TResult>, IExpiringCall
{
    private ResponseTimeouts.Links _waiting;

    public Message? Message { get; set; }

    public long Deadline { get; } = deadline;

    public ref ResponseTimeouts.Links Waiting => ref _waiting;

    // The callee may keep its result object: the caller gets its own copy.
    void IResponseSink<TResult>.SetResult(TResult result)
    {
        TrySetResult(Copier<TResult>.Copy(result));
        timeouts.Completed(this);
    }

    void IResponseSink<TResult>.SetException(Exception exception)
    {
        TrySetException(exception);
        timeouts.Completed(this);
    }

    public void Expire()
    {
        var message = Message;
        var chain = message?.CallChain is { } calls ? $" Call chain: {calls.Describe(message.Target)}." : "";
        TrySetException(new TimeoutException(
            $"Response did not arrive on time in {timeout.TotalSeconds:0.###} s for {message}.{chain}"));
    }
}
