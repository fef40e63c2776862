using System.Text.Json;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>
/// Answers a request that came over a connection by sending the answer back on it. A successful answer goes out as
/// this object itself: correlation id, <see cref="ResponseStatus.Ok"/>, the result as JSON of its declared type (one
/// object per request that came in, instead of a sink and a frame).
/// </summary>
internal sealed class RemoteResponseSink<TResult>(Connection connection, long correlationId) : OutgoingFrame, IResponseSink<TResult>
{
    private TResult _result = default!;

    public override FrameKind Kind => FrameKind.Response;

    public void SetResult(TResult result)
    {
        _result = result;
        connection.Respond(this);
    }

    public void SetException(Exception exception) => connection.Respond(FailureFrame.From(correlationId, exception));

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteInt64(correlationId);
        buffer.WriteByte((byte)ResponseStatus.Ok);
        var json = buffer.StartJson();
        JsonSerializer.Serialize(json, _result, serializer.Options);
        json.Flush();
    }

    // A result that does not serialize still answers the caller, as an error.
    public override void OnWriteFailed(Exception exception) => connection.Enqueue(FailureFrame.From(correlationId, exception));
}
