using System.Globalization;
using System.Text;

namespace ModelCert.Runtime.Onnx;

/// <summary>Protocol-buffers wire types (the low three bits of a tag). Groups (3, 4) are obsolete and refused.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}

/// <summary>A protobuf message that cannot be read: where (byte offset in the file) and what is wrong.</summary>
internal sealed class ProtobufFormatException : Exception
{
    public ProtobufFormatException()
    {
    }

    public ProtobufFormatException(string message)
        : base(message)
    {
    }

    public ProtobufFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProtobufFormatException(long offset, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"{problem} at byte {offset}"))
    {
        Offset = offset;
    }

    public long Offset { get; }
}

/// <summary>
/// A bounded protocol-buffers decoder over bytes in memory, for reading untrusted files: every varint is at most ten
/// bytes and must fit 64 bits, every length must fit what is left of its enclosing message, field numbers and wire
/// types are checked, and nothing is allocated except the strings asked for. Unknown fields are skipped.
/// Nesting depth is the caller's to bound (it decides what a nested message is).
/// </summary>
internal ref struct ProtobufReader
{
    private const int MaxFieldNumber = (1 << 29) - 1;

    private readonly ReadOnlySpan<byte> _data;
    private readonly long _origin;
    private int _position;

    /// <summary>A reader over <paramref name="data"/>, which starts at byte <paramref name="origin"/> of the file (for messages).</summary>
    public ProtobufReader(ReadOnlySpan<byte> data, long origin = 0)
    {
        _data = data;
        _origin = origin;
        _position = 0;
    }

    /// <summary>The file offset of the next byte.</summary>
    public readonly long Offset => _origin + _position;

    /// <summary>Whether every byte of the message has been read.</summary>
    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Reads the next tag; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = WireType.Varint;
            return false;
        }

        var start = Offset;
        var tag = ReadVarint();
        var number = tag >> 3;
        var wire = (int)(tag & 7);
        if (number is 0 or > MaxFieldNumber)
        {
            throw new ProtobufFormatException(start, string.Create(CultureInfo.InvariantCulture, $"field number {number} is not a valid protobuf field"));
        }

        if (wire is not (0 or 1 or 2 or 5))
        {
            throw new ProtobufFormatException(start, string.Create(CultureInfo.InvariantCulture, $"field {number} has wire type {wire}, which is obsolete (groups) or undefined"));
        }

        field = (int)number;
        wireType = (WireType)wire;
        return true;
    }

    /// <summary>A base-128 varint of at most ten bytes whose value fits 64 bits.</summary>
    public ulong ReadVarint()
    {
        var start = Offset;
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ProtobufFormatException(start, "the data ends inside a varint (the file is truncated)");
            }

            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw new ProtobufFormatException(start, "a varint overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new ProtobufFormatException(start, "a varint is longer than ten bytes");
    }

    /// <summary>An int64 field (two's complement in ten bytes when negative).</summary>
    public long ReadInt64() => unchecked((long)ReadVarint());

    /// <summary>The payload of a length-delimited field, bounded by what is left of this message.</summary>
    public ReadOnlySpan<byte> ReadBytes() => ReadBytes(out _);

    /// <summary>The payload of a length-delimited field and the file offset where it starts.</summary>
    public ReadOnlySpan<byte> ReadBytes(out long origin)
    {
        var start = Offset;
        var length = ReadVarint();
        var left = _data.Length - _position;
        if (length > (ulong)left)
        {
            throw new ProtobufFormatException(
                start, string.Create(CultureInfo.InvariantCulture, $"a field declares {length} bytes but only {left} remain in its message (the file is truncated or corrupt)"));
        }

        origin = Offset;
        var payload = _data.Slice(_position, (int)length);
        _position += (int)length;
        return payload;
    }

    /// <summary>A nested message as its own reader, positioned at its first field.</summary>
    public ProtobufReader ReadMessage()
    {
        var payload = ReadBytes(out var origin);
        return new ProtobufReader(payload, origin);
    }

    /// <summary>A string field, decoded as UTF-8 (invalid bytes become U+FFFD, never an exception).</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Skips the value of a field of wire type <paramref name="wireType"/>.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Advance(8);
                break;
            case WireType.Fixed32:
                Advance(4);
                break;
            default:
                ReadBytes();
                break;
        }
    }

    /// <summary>Fails unless a known field arrived with the wire type its declaration gives.</summary>
    public readonly void Expect(int field, WireType actual, WireType expected)
    {
        if (actual != expected)
        {
            throw new ProtobufFormatException(
                Offset, string.Create(CultureInfo.InvariantCulture, $"field {field} has wire type {(int)actual}, but its declaration needs {(int)expected}"));
        }
    }

    private void Advance(int count)
    {
        if (_data.Length - _position < count)
        {
            throw new ProtobufFormatException(Offset, "the data ends inside a fixed-width field (the file is truncated)");
        }

        _position += count;
    }
}
