namespace Platform.Actors.Transport;

/// <summary>Hello, HelloOk or HelloRefused: an id (or a reason), and for Hello the generation the caller means to reach.</summary>
internal sealed class HandshakeFrame(FrameKind kind, string text, long generation = 0) : OutgoingFrame
{
    public override FrameKind Kind { get; } = kind;

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteString(text);
        buffer.WriteInt64(generation);
    }
}
