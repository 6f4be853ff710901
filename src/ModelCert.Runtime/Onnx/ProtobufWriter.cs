using System.Buffers.Binary;
using System.Text;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// A minimal protocol-buffers encoder: varint, fixed32, fixed64 and length-delimited fields, packed repeated scalars
/// and nested messages. Enough to write an ONNX ModelProto; it never reads.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private byte[] _buffer = new byte[64];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => Written.ToArray();

    /// <summary>An int32/int64/enum/bool field; negative values take ten bytes, as protobuf requires.</summary>
    public void Varint(int field, long value)
    {
        Tag(field, WireVarint);
        RawVarint(unchecked((ulong)value));
    }

    public void Float(int field, float value)
    {
        Tag(field, WireFixed32);
        BinaryPrimitives.WriteSingleLittleEndian(Grow(4), value);
    }

    public void Double(int field, double value)
    {
        Tag(field, WireFixed64);
        BinaryPrimitives.WriteDoubleLittleEndian(Grow(8), value);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireLengthDelimited);
        RawVarint((ulong)value.Length);
        value.CopyTo(Grow(value.Length));
    }

    /// <summary>A nested message, written by <paramref name="write"/> into its own buffer and then length-prefixed.</summary>
    public void Message(int field, Action<ProtobufWriter> write)
    {
        var inner = new ProtobufWriter();
        write(inner);
        Bytes(field, inner.Written);
    }

    public void PackedFloats(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        Bytes(field, bytes);
    }

    public void PackedDoubles(int field, ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        Bytes(field, bytes);
    }

    public void PackedVarints(int field, ReadOnlySpan<long> values)
    {
        var inner = new ProtobufWriter();
        foreach (var value in values)
        {
            inner.RawVarint(unchecked((ulong)value));
        }

        Bytes(field, inner.Written);
    }

    private void Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    private void RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            Grow(1)[0] = (byte)((value & 0x7F) | 0x80);
            value >>= 7;
        }

        Grow(1)[0] = (byte)value;
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
