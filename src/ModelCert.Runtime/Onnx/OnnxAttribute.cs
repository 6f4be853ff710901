namespace ModelCert.Runtime.Onnx;

/// <summary>A node attribute (AttributeProto) for <see cref="OnnxModelBuilder"/>: float, int, string, their lists, or a tensor.</summary>
public sealed class OnnxAttribute
{
    private readonly Action<ProtobufWriter> _writeValue;

    private OnnxAttribute(string name, int type, Action<ProtobufWriter> writeValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
        _writeValue = writeValue;
    }

    public string Name { get; }

    /// <summary>The AttributeProto.AttributeType value.</summary>
    internal int Type { get; }

    public static OnnxAttribute Float(string name, float value) =>
        new(name, OnnxFields.AttributeType.Float, w => w.Float(OnnxFields.Attribute.F, value));

    public static OnnxAttribute Int(string name, long value) =>
        new(name, OnnxFields.AttributeType.Int, w => w.Varint(OnnxFields.Attribute.I, value));

    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxFields.AttributeType.String, w => w.String(OnnxFields.Attribute.S, value));
    }

    public static OnnxAttribute Floats(string name, params float[] values)
    {
        var copy = (float[])values.Clone();
        return new(name, OnnxFields.AttributeType.Floats, w =>
        {
            foreach (var value in copy)
            {
                w.Float(OnnxFields.Attribute.Floats, value);
            }
        });
    }

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var copy = (long[])values.Clone();
        return new(name, OnnxFields.AttributeType.Ints, w =>
        {
            foreach (var value in copy)
            {
                w.Varint(OnnxFields.Attribute.Ints, value);
            }
        });
    }

    public static OnnxAttribute Strings(string name, params string[] values)
    {
        var copy = (string[])values.Clone();
        if (copy.Any(v => v is null))
        {
            throw new ArgumentException($"attribute '{name}' has a null string", nameof(values));
        }

        return new(name, OnnxFields.AttributeType.Strings, w =>
        {
            foreach (var value in copy)
            {
                w.String(OnnxFields.Attribute.Strings, value);
            }
        });
    }

    public static OnnxAttribute Tensor(string name, OnnxTensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxFields.AttributeType.Tensor, w => w.Message(OnnxFields.Attribute.T, t => value.WriteTo(t, null)));
    }

    /// <summary>A subgraph attribute (an If branch, a Loop or Scan body): the graph of <paramref name="body"/>.</summary>
    public static OnnxAttribute Graph(string name, OnnxModelBuilder body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(name, OnnxFields.AttributeType.Graph, w => w.Message(OnnxFields.Attribute.G, body.WriteGraphTo));
    }

    /// <summary>Writes the AttributeProto fields (the caller wraps them in a message).</summary>
    internal void WriteTo(ProtobufWriter writer)
    {
        writer.String(OnnxFields.Attribute.Name, Name);
        writer.Varint(OnnxFields.Attribute.Type, Type);
        _writeValue(writer);
    }
}
