using System.Text.Json;

namespace Platform.Actors.Transport;

/// <summary>A successful answer: correlation id, <see cref="ResponseStatus.Ok"/>, the result as JSON of its declared type.</summary>
internal sealed class ResponseFrame<TResult>(long correlationId, TResult result, Connection connection) : OutgoingFrame
{
    public override FrameKind Kind => FrameKind.Response;

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteInt64(correlationId);
        buffer.WriteByte((byte)ResponseStatus.Ok);
        var json = buffer.StartJson();
        JsonSerializer.Serialize(json, result, serializer.Options);
        json.Flush();
    }

    // A result that does not serialize still answers the caller, as an error.
    public override void OnWriteFailed(Exception exception) => connection.Enqueue(FailureFrame.From(correlationId, exception));
}
