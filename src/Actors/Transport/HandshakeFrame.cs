namespace Platform.Actors.Transport;

/// <summary>
/// Hello, HelloOk or HelloRefused: an id (or a reason), for Hello the generation the caller means to reach, and the
/// version of the wire protocol the sender speaks.
/// </summary>
internal sealed class HandshakeFrame(FrameKind kind, string text, long generation = 0) : OutgoingFrame
{
    /// <summary>
    /// The frames and their layout that this build reads and writes. Raise it with any change to them: peers of another
    /// version are refused at the handshake, with both versions named, instead of failing on a frame they cannot read.
    /// </summary>
    public const int ProtocolVersion = 1;

    public override FrameKind Kind { get; } = kind;

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
        buffer.WriteString(text);
        buffer.WriteInt64(generation);
        buffer.WriteInt32(ProtocolVersion);
    }
}
