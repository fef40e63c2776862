using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Platform.Actors.Transport;

/// <summary>
/// A growable buffer that frames are written into, several at a time, before one write to the socket.
/// Unlike <see cref="ArrayBufferWriter{T}"/> it lets a frame's length be written after its body.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 64 * 1024;

    private byte[] _buffer = new byte[InitialSize];
    private int _written;
    private Utf8JsonWriter? _json;

    public int Length => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Clear()
    {
        _written = 0;
        // One huge frame must not pin a huge buffer for the connection's life.
        if (_buffer.Length > 4 * 1024 * 1024) _buffer = new byte[InitialSize];
    }

    public void Truncate(int length) => _written = length;

    /// <summary>
    /// A JSON writer into this buffer, the same one each time (a new writer for every frame was a fifth of what a call
    /// across silos allocated). Flush it when done; the next call resets it, also after a failed write.
    /// </summary>
    public Utf8JsonWriter StartJson()
    {
        if (_json is null) _json = new Utf8JsonWriter(this);
        else _json.Reset(this);
        return _json;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _written++;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _written += 4;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);
        _written += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        _written += 8;
    }

    public void WriteString(string value)
    {
        var span = GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var count = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, count);
        _written += 4 + count;
    }

    public void PatchInt32(int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(offset), value);

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
    }
}
