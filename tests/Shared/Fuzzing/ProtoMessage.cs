namespace ModelCert.Tests.Fuzzing;

/// <summary>
/// One field of a parsed protobuf message: a varint or fixed value, raw bytes, or (for the ONNX fields the schema
/// knows) a nested message. <see cref="LengthLie"/> makes the written length prefix differ from the payload's size.
/// </summary>
internal sealed class ProtoField(int number, int wire)
{
    public int Number { get; set; } = number;

    /// <summary>The wire type as written (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32; others are corruption).</summary>
    public int Wire { get; set; } = wire;

    /// <summary>The value of a varint, fixed32 or fixed64 field.</summary>
    public ulong Value { get; set; }

    /// <summary>The payload of a length-delimited field that is not parsed as a message.</summary>
    public byte[] Bytes { get; set; } = [];

    public ProtoMessage? Message { get; set; }

    public int LengthLie { get; set; }

    /// <summary>A wire type written into the tag instead of <see cref="Wire"/>, the value still written as <see cref="Wire"/> says.</summary>
    public int? TagWire { get; set; }

    /// <summary>Makes this a string field holding <paramref name="text"/>.</summary>
    public void SetText(string text)
    {
        Wire = 2;
        Message = null;
        Bytes = System.Text.Encoding.UTF8.GetBytes(text);
    }

    public ProtoField Clone() => new(Number, Wire) { Value = Value, Bytes = Bytes, Message = Message?.Clone(), LengthLie = LengthLie, TagWire = TagWire };
}

/// <summary>
/// A protobuf message parsed into fields, independently of the product's reader, so fuzz tests can edit a real ONNX
/// model structurally (a dimension, an attribute element, a node input) and write it back. Length-delimited fields
/// that onnx.proto declares as messages are parsed recursively; everything else stays bytes.
/// </summary>
internal sealed class ProtoMessage(string type)
{
    /// <summary>Nested message types by (message type, field number), from onnx.proto.</summary>
    private static readonly Dictionary<(string, int), string> Children = new()
    {
        [("Model", 7)] = "Graph", [("Model", 8)] = "Opset", [("Model", 14)] = "Entry", [("Model", 20)] = "Training", [("Model", 25)] = "Function",
        [("Graph", 1)] = "Node", [("Graph", 5)] = "Tensor", [("Graph", 11)] = "Input", [("Graph", 12)] = "Output", [("Graph", 13)] = "ValueInfo",
        [("Graph", 15)] = "Sparse", [("Node", 5)] = "Attribute", [("Attribute", 5)] = "Tensor", [("Attribute", 6)] = "Graph",
        [("Attribute", 10)] = "Tensor", [("Attribute", 11)] = "Graph", [("Attribute", 22)] = "Sparse", [("Attribute", 23)] = "Sparse",
        [("Tensor", 13)] = "Entry", [("Sparse", 1)] = "Tensor", [("Sparse", 2)] = "Tensor",
        [("Input", 2)] = "Type", [("Output", 2)] = "Type", [("ValueInfo", 2)] = "Type",
        [("Type", 1)] = "TensorType", [("Type", 4)] = "Sequence", [("Type", 5)] = "Map", [("Type", 8)] = "TensorType", [("Type", 9)] = "Sequence",
        [("TensorType", 2)] = "Shape", [("Shape", 1)] = "Dim", [("Sequence", 1)] = "Type", [("Map", 2)] = "Type",
        [("Training", 1)] = "Graph", [("Training", 2)] = "Graph", [("Function", 7)] = "Node", [("Function", 11)] = "Attribute",
        [("Function", 12)] = "ValueInfo", [("Function", 9)] = "Opset",
    };

    /// <summary>The message's ONNX type as the schema names it: Model, Graph, Node, Attribute, Tensor, Input, Output, Type, Dim, ...</summary>
    public string Type { get; } = type;

    public List<ProtoField> Fields { get; } = [];

    /// <summary>Parses <paramref name="bytes"/> as a message of <paramref name="type"/>; null when they are not a well-formed message.</summary>
    public static ProtoMessage? Parse(ReadOnlySpan<byte> bytes, string type)
    {
        var message = new ProtoMessage(type);
        var position = 0;
        while (position < bytes.Length)
        {
            if (!TryVarint(bytes, ref position, out var tag) || tag >> 3 is 0 or > int.MaxValue)
            {
                return null;
            }

            var field = new ProtoField((int)(tag >> 3), (int)(tag & 7));
            switch (field.Wire)
            {
                case 0:
                    if (!TryVarint(bytes, ref position, out var value))
                    {
                        return null;
                    }

                    field.Value = value;
                    break;
                case 1 or 5:
                    var size = field.Wire == 1 ? 8 : 4;
                    if (bytes.Length - position < size)
                    {
                        return null;
                    }

                    for (var i = size - 1; i >= 0; i--)
                    {
                        field.Value = (field.Value << 8) | bytes[position + i];
                    }

                    position += size;
                    break;
                case 2:
                    if (!TryVarint(bytes, ref position, out var length) || length > (ulong)(bytes.Length - position))
                    {
                        return null;
                    }

                    var payload = bytes.Slice(position, (int)length);
                    position += (int)length;
                    field.Message = Children.TryGetValue((type, field.Number), out var child) ? Parse(payload, child) : null;
                    field.Bytes = field.Message is null ? payload.ToArray() : [];
                    break;
                default:
                    return null;
            }

            message.Fields.Add(field);
        }

        return message;
    }

    /// <summary>
    /// A copy whose messages are all new but whose scalar, string and bytes fields are shared with this one (a real
    /// model holds tens of thousands): edit a field in place only through <see cref="Own"/>.
    /// </summary>
    public ProtoMessage Clone()
    {
        var copy = new ProtoMessage(Type);
        copy.Fields.AddRange(Fields.Select(f => f.Message is null ? f : f.Clone()));
        return copy;
    }

    /// <summary>Replaces <paramref name="field"/> (one of this message's fields) by a private copy and returns it, for editing in place.</summary>
    public ProtoField Own(ProtoField field)
    {
        var copy = field.Clone();
        Fields[Fields.IndexOf(field)] = copy;
        return copy;
    }

    /// <summary>This message and every message inside it, depth first.</summary>
    public IEnumerable<ProtoMessage> Descendants()
    {
        yield return this;
        foreach (var field in Fields.Where(f => f.Message is not null))
        {
            foreach (var inner in field.Message!.Descendants())
            {
                yield return inner;
            }
        }
    }

    public IEnumerable<ProtoField> All(int number) => Fields.Where(f => f.Number == number);

    /// <summary>The string in field <paramref name="number"/>, or null.</summary>
    public string? Text(int number) =>
        All(number).FirstOrDefault(f => f.Wire == 2 && f.Message is null) is { } field ? System.Text.Encoding.UTF8.GetString(field.Bytes) : null;

    /// <summary>Replaces a packed run of varints in field <paramref name="number"/> by one field per value, so each can be edited.</summary>
    public void Unpack(int number)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (field.Number != number || field.Wire != 2 || field.Message is not null)
            {
                continue;
            }

            var values = new List<ProtoField>();
            var position = 0;
            while (position < field.Bytes.Length && TryVarint(field.Bytes, ref position, out var value))
            {
                values.Add(new ProtoField(number, 0) { Value = value });
            }

            Fields.RemoveAt(i);
            Fields.InsertRange(i, values);
            i += values.Count - 1;
        }
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        Write(output);
        return output.ToArray();
    }

    private void Write(MemoryStream output)
    {
        foreach (var field in Fields)
        {
            WriteVarint(output, ((ulong)(uint)field.Number << 3) | (uint)((field.TagWire ?? field.Wire) & 7));
            switch (field.Wire)
            {
                case 0:
                    WriteVarint(output, field.Value);
                    break;
                case 1 or 5:
                    for (var i = 0; i < (field.Wire == 1 ? 8 : 4); i++)
                    {
                        output.WriteByte((byte)((field.Value >> (8 * i)) & 0xFF));
                    }

                    break;
                default:
                    var payload = field.Message?.ToBytes() ?? field.Bytes;
                    WriteVarint(output, (ulong)Math.Max(0, payload.Length + field.LengthLie));
                    output.Write(payload);
                    break;
            }
        }
    }

    private static void WriteVarint(MemoryStream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)((value & 0x7F) | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    private static bool TryVarint(ReadOnlySpan<byte> bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
