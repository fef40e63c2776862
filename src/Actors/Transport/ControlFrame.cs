namespace Platform.Actors.Transport;

/// <summary>A frame that is only its kind (a goodbye, its acknowledgement, a ping): its body is empty.</summary>
internal sealed class ControlFrame(FrameKind kind) : OutgoingFrame
{
    public override FrameKind Kind { get; } = kind;

    public override void WriteBody(FrameBuffer buffer, WireSerializer serializer)
    {
    }
}
