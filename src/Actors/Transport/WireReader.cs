using System.Buffers.Binary;
using System.Text;

namespace Platform.Actors.Transport;

/// <summary>Reads the fields of one frame body, in the order <see cref="FrameBuffer"/> wrote them.</summary>
internal ref struct WireReader(ReadOnlySpan<byte> span)
{
    private readonly ReadOnlySpan<byte> _span = span;
    private int _position;

    public readonly ReadOnlySpan<byte> Remaining => _span[_position..];

    public byte ReadByte() => _span[_position++];

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_span[_position..]);
        _position += 4;
        return value;
    }

    public uint ReadUInt32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_span[_position..]);
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_span[_position..]);
        _position += 8;
        return value;
    }

    /// <summary>A grain type name: the same string each time the same name comes.</summary>
    public string ReadGrainType()
    {
        var count = ReadInt32();
        var value = GrainTypeNames.FromUtf8(_span.Slice(_position, count));
        _position += count;
        return value;
    }

    public string ReadString()
    {
        var count = ReadInt32();
        var value = Encoding.UTF8.GetString(_span.Slice(_position, count));
        _position += count;
        return value;
    }
}
