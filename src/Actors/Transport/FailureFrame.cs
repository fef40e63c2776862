namespace Platform.Actors.Transport;

/// <summary>An answer that is not a result: the exception a grain threw, or a rejection (the request did not run).</summary>
internal sealed class FailureFrame(long correlationId, ResponseStatus status, string typeName, string message) : OutgoingFrame
{
    public override FrameKind Kind => FrameKind.Response;

    public static FailureFrame From(long correlationId, Exception exception) =>
        new(correlationId, ResponseStatus.Exception, ExceptionCodec.TypeName(exception), exception.Message);

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteInt64(correlationId);
        buffer.WriteByte((byte)status);
        buffer.WriteString(typeName);
        buffer.WriteString(message);
    }
}
