using Platform.Actors.Invocation;

namespace Platform.Actors.Runtime;

/// <summary>
/// What a grain reference calls through: turns a request into a message with its call chain and
/// deadline, and hands it to the process's router. Silos and cluster clients each provide one.
/// </summary>
public abstract class GrainReferenceRuntime
{
    private readonly ResponseTimeouts _timeouts;

    private protected GrainReferenceRuntime(TimeProvider time, TimeSpan responseTimeout)
    {
        Time = time;
        ResponseTimeout = responseTimeout;
        _timeouts = new ResponseTimeouts(time);
    }

    internal TimeProvider Time { get; }

    internal TimeSpan ResponseTimeout { get; }

    internal Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var method = request.Method;
        if (method.IsOneWay)
        {
            SendOneWay(target, request);
            return Task.FromResult(default(TResult)!);
        }

        request.CopyArguments();
        var timeout = method.ResponseTimeout ?? ResponseTimeout;
        var deadline = Time.GetTimestamp() + Time.TimestampTicks(timeout);
        var call = new PendingCall<TResult>(timeout, deadline, _timeouts);
        var message = new Message(target.GrainId, request, call, CurrentCallChain(), deadline);
        call.Message = message;
        _timeouts.Track(call);
        Send(message);
        return call.Task;
    }

    internal void SendOneWay(GrainReference target, GrainRequest request)
    {
        request.CopyArguments();
        var deadline = Time.GetTimestamp() + Time.TimestampTicks(request.Method.ResponseTimeout ?? ResponseTimeout);
        Send(new Message(target.GrainId, request, responseSink: null, CurrentCallChain(), deadline));
    }

    /// <summary>Delivers a message to wherever its target lives. Must not throw: failures go to the message's response sink.</summary>
    internal abstract void Send(Message message);

    internal void StopTimeouts() => _timeouts.Dispose();

    private static CallChain? CurrentCallChain() =>
        RequestScope.Current is { } current ? new CallChain(current.Target, current.CallChain) : null;
}
