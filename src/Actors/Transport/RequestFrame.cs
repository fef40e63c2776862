using System.Text.Json;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>
/// A request on the wire: correlation id (0 for one-way), the target silo's generation, the time left
/// until the deadline (clocks of two processes do not share an origin), target, method id, hops, call
/// chain, then the arguments as one JSON array, each element by its parameter's declared type.
/// </summary>
internal sealed class RequestFrame(
    Message message, long correlationId, long targetGeneration, TimeProvider time, Action<long, Message, Exception> onWriteFailed)
    : OutgoingFrame
{
    public Message Message { get; } = message;

    public long CorrelationId { get; } = correlationId;

    public override FrameKind Kind => FrameKind.Request;

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteInt64(CorrelationId);
        buffer.WriteInt64(targetGeneration);
        buffer.WriteInt64(Math.Max(0, Message.Deadline - time.GetTimestamp()) * TimeSpan.TicksPerSecond / time.TimestampFrequency);
        buffer.WriteString(Message.Target.Type);
        buffer.WriteString(Message.Target.Key);
        buffer.WriteUInt32(Message.Request.Method.Id);
        buffer.WriteByte((byte)Math.Min(Message.Hops, byte.MaxValue));
        var chainStart = buffer.Length;
        buffer.WriteInt32(0);
        var links = 0;
        for (var link = Message.CallChain; link is not null; link = link.Caller, links++)
        {
            buffer.WriteString(link.GrainId.Type);
            buffer.WriteString(link.GrainId.Key);
        }

        buffer.PatchInt32(chainStart, links);
        var json = buffer.StartJson();
        json.WriteStartArray();
        Message.Request.WriteArguments(json, serializer.Options);
        json.WriteEndArray();
        json.Flush();
    }

    public override void OnWriteFailed(Exception exception) => onWriteFailed(CorrelationId, Message, exception);
}
