namespace ModelCert.Runtime;

/// <summary>
/// One model output, copied into managed memory while the run was still holding the native value, so nothing native
/// outlives <see cref="OnnxSession.Run"/>. The typed accessors return the tensor's own array (row-major), not a copy.
/// </summary>
public sealed partial class OutputTensor
{
    private readonly Array _data;

    internal OutputTensor(string name, TensorElementType elementType, long[] shape, Array data)
    {
        Name = name;
        ElementType = elementType;
        Shape = Array.AsReadOnly(shape);
        _data = data;
    }

    public string Name { get; }

    public TensorElementType ElementType { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public int ElementCount => _data.Length;

    public float[] AsFloat32() => As<float>(TensorElementType.Float);

    public double[] AsFloat64() => As<double>(TensorElementType.Double);

    public long[] AsInt64() => As<long>(TensorElementType.Int64);

    public int[] AsInt32() => As<int>(TensorElementType.Int32);

    public bool[] AsBool() => As<bool>(TensorElementType.Bool);

    public string[] AsStrings() => As<string>(TensorElementType.String);

    /// <summary>Any numeric or bool output as a new array of doubles (true = 1); strings throw.</summary>
    public double[] ToDoubleArray() => _data switch
    {
        float[] values => Convert(values, v => v),
        double[] values => (double[])values.Clone(),
        long[] values => Convert(values, v => v),
        int[] values => Convert(values, v => v),
        bool[] values => Convert(values, v => v ? 1d : 0d),
        byte[] values => Convert(values, v => v),
        sbyte[] values => Convert(values, v => v),
        short[] values => Convert(values, v => v),
        ushort[] values => Convert(values, v => v),
        uint[] values => Convert(values, v => v),
        ulong[] values => Convert(values, v => v),
        Half[] values => Convert(values, v => (double)v),
        _ => throw new InvalidOperationException(
            $"output '{Name}' holds {Describe(ElementType)} elements, which cannot be converted to double"),
    };

    /// <summary>Like <c>probabilities: float [3,2]</c>, for messages.</summary>
    public override string ToString() => $"{Name}: {Describe(ElementType)} {Shapes.Format(Shape)}";

    private static string Describe(TensorElementType type) => type.ToString().ToLowerInvariant();

    private static double[] Convert<T>(T[] values, Func<T, double> convert)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = convert(values[i]);
        }

        return result;
    }

    private T[] As<T>(TensorElementType requested) => _data as T[]
        ?? throw new InvalidOperationException(
            $"output '{Name}' holds {Describe(ElementType)} elements, not {Describe(requested)}; use the accessor for {Describe(ElementType)} or ToDoubleArray()");
}
