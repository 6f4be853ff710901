namespace ModelCert.Runtime.Onnx;

/// <summary>A constant tensor for <see cref="OnnxModelBuilder"/>: an initializer or a tensor attribute (TensorProto).</summary>
public sealed class OnnxTensor
{
    private readonly Array _values;
    private readonly long[] _dims;
    private readonly (string Key, string Value)[] _external = [];

    private OnnxTensor(TensorElementType elementType, Array values, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dims);
        var count = Shapes.ElementCount(dims);
        if (count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values do not fill a tensor of shape {Shapes.Format(dims)}", nameof(values));
        }

        ElementType = elementType;
        _values = values.Clone() as Array ?? values;
        _dims = (long[])dims.Clone();
    }

    public TensorElementType ElementType { get; }

    public IReadOnlyList<long> Dims => _dims;

    /// <summary>Float values; no dims means a 1-D tensor of their length.</summary>
    public static OnnxTensor Float(float[] values, params long[] dims) => new(TensorElementType.Float, values, DimsOrVector(values, dims));

    public static OnnxTensor Double(double[] values, params long[] dims) => new(TensorElementType.Double, values, DimsOrVector(values, dims));

    public static OnnxTensor Int64(long[] values, params long[] dims) => new(TensorElementType.Int64, values, DimsOrVector(values, dims));

    public static OnnxTensor Int32(int[] values, params long[] dims) => new(TensorElementType.Int32, values, DimsOrVector(values, dims));

    public static OnnxTensor Bool(bool[] values, params long[] dims) => new(TensorElementType.Bool, values, DimsOrVector(values, dims));

    public static OnnxTensor String(string[] values, params long[] dims) => new(TensorElementType.String, values, DimsOrVector(values, dims));

    /// <summary>
    /// A tensor whose bytes live in another file (data_location EXTERNAL), described by external_data entries such as
    /// ("location", "weights.bin"), ("offset", "0"), ("length", "16"). Written as given, so tests can make hostile ones.
    /// </summary>
    public static OnnxTensor External(TensorElementType elementType, long[] dims, params (string Key, string Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(entries);
        return new OnnxTensor(elementType, dims, [.. entries]);
    }

    private OnnxTensor(TensorElementType elementType, long[] dims, (string Key, string Value)[] external)
    {
        ElementType = elementType;
        _values = Array.Empty<float>();
        _dims = (long[])dims.Clone();
        _external = external;
    }

    /// <summary>Writes the TensorProto fields (the caller wraps them in a message).</summary>
    internal void WriteTo(ProtobufWriter writer, string? name)
    {
        foreach (var dim in _dims)
        {
            writer.Varint(OnnxFields.Tensor.Dims, dim);
        }

        writer.Varint(OnnxFields.Tensor.DataType, (int)ElementType);
        if (name is not null)
        {
            writer.String(OnnxFields.Tensor.Name, name);
        }

        if (_external.Length > 0)
        {
            foreach (var (key, value) in _external)
            {
                writer.Message(OnnxFields.Tensor.ExternalData, e =>
                {
                    e.String(OnnxFields.StringEntry.Key, key);
                    e.String(OnnxFields.StringEntry.Value, value);
                });
            }

            writer.Varint(OnnxFields.Tensor.DataLocation, 1);
            return;
        }

        switch (_values)
        {
            case float[] values:
                writer.PackedFloats(OnnxFields.Tensor.FloatData, values);
                break;
            case double[] values:
                writer.PackedDoubles(OnnxFields.Tensor.DoubleData, values);
                break;
            case long[] values:
                writer.PackedVarints(OnnxFields.Tensor.Int64Data, values);
                break;
            case int[] values:
                writer.PackedVarints(OnnxFields.Tensor.Int32Data, [.. values.Select(v => (long)v)]);
                break;
            case bool[] values:
                // Bools travel in int32_data as 0/1.
                writer.PackedVarints(OnnxFields.Tensor.Int32Data, [.. values.Select(v => v ? 1L : 0L)]);
                break;
            case string[] values:
                foreach (var value in values)
                {
                    writer.String(OnnxFields.Tensor.StringData, value ?? throw new ArgumentException("string tensor values must not be null"));
                }

                break;
            default:
                throw new InvalidOperationException($"unsupported tensor values {_values.GetType().Name}");
        }
    }

    private static long[] DimsOrVector(Array values, long[] dims) =>
        dims is { Length: > 0 } ? dims : [(values ?? throw new ArgumentNullException(nameof(values))).Length];
}
