using System.Text.Json;
using Platform.Actors.Runtime;
using Platform.Actors.Transport;

namespace Platform.Actors.Invocation;

public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the interface method on the target. Generated.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object target);

    internal sealed override ValueTask<Exception?> InvokeAndRespondAsync(object target, Message message)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = InvokeAsync(target);
        }
        catch (Exception exception)
        {
            RespondWithException(message, exception);
            return new ValueTask<Exception?>(exception);
        }

        if (pending.IsCompletedSuccessfully)
        {
            Respond(message, pending.Result);
            return default;
        }

        return AwaitAndRespondAsync(pending, message);
    }

    internal sealed override void RespondWithException(Message message, Exception exception) =>
        (message.ResponseSink as IResponseSink<TResult>)?.SetException(exception);

    internal sealed override object CreateRemoteSink(Connection connection, long correlationId) =>
        new RemoteResponseSink<TResult>(connection, correlationId);

    internal sealed override void RespondFromWire(Message message, ReadOnlySpan<byte> json, JsonSerializerOptions options) =>
        Respond(message, JsonSerializer.Deserialize<TResult>(json, options)!);

    private static void Respond(Message message, TResult result) =>
        (message.ResponseSink as IResponseSink<TResult>)?.SetResult(result);

    private async ValueTask<Exception?> AwaitAndRespondAsync(ValueTask<TResult> pending, Message message)
    {
        TResult result;
        try
        {
            result = await pending;
        }
        catch (Exception exception)
        {
            RespondWithException(message, exception);
            return exception;
        }

        Respond(message, result);
        return null;
    }
}
