namespace Platform.Actors.Transport;

/// <summary>A frame waiting in a connection's send queue; it writes its body when the writer loop takes it.</summary>
internal abstract class OutgoingFrame
{
    public abstract FrameKind Kind { get; }

    /// <summary>Writes the body (after the length and kind).</summary>
    public abstract void WriteBody(FrameBuffer buffer, WireSerializer serializer);

    /// <summary>The body could not be written (e.g. an argument that does not serialize).</summary>
    public virtual void OnWriteFailed(Exception exception)
    {
    }
}
