using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>
/// One named model input over the caller's memory. Nothing native is made here: <see cref="OnnxSession.Run"/> pins
/// the memory, wraps it in an <c>OrtValue</c> without copying (strings are copied into ORT) and releases both before
/// it returns, so the caller may reuse its buffers after each run.
/// </summary>
public abstract class InputTensor
{
    private protected InputTensor(string name, TensorElementType elementType, long[] shape, int elementCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        ElementType = elementType;
        Shape = Array.AsReadOnly((long[])shape.Clone());
        ElementCount = elementCount;
    }

    public string Name { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>The element type this input feeds.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>How many values the caller supplied (checked against the shape by Run).</summary>
    public int ElementCount { get; }

    public static InputTensor Float32(string name, ReadOnlyMemory<float> data, params long[] shape) =>
        new PinnedInputTensor<float>(name, TensorElementType.Float, data, shape);

    public static InputTensor Float64(string name, ReadOnlyMemory<double> data, params long[] shape) =>
        new PinnedInputTensor<double>(name, TensorElementType.Double, data, shape);

    public static InputTensor Int64(string name, ReadOnlyMemory<long> data, params long[] shape) =>
        new PinnedInputTensor<long>(name, TensorElementType.Int64, data, shape);

    public static InputTensor Int32(string name, ReadOnlyMemory<int> data, params long[] shape) =>
        new PinnedInputTensor<int>(name, TensorElementType.Int32, data, shape);

    public static InputTensor Bool(string name, ReadOnlyMemory<bool> data, params long[] shape) =>
        new PinnedInputTensor<bool>(name, TensorElementType.Bool, data, shape);

    /// <summary>Strings, encoded to UTF-8 and copied into the tensor at run time; none may be null or contain NUL.</summary>
    public static InputTensor Strings(string name, IReadOnlyList<string> values, params long[] shape) =>
        new StringInputTensor(name, values, shape);

    /// <summary>
    /// The fast path for dictionary-coded columns: caller-owned pointers to NUL-terminated UTF-8, passed straight to
    /// ORT's <c>FillStringTensor</c> (which copies them). They must stay valid for the duration of the run; none may be 0.
    /// </summary>
    public static InputTensor Utf8Strings(string name, ReadOnlyMemory<nint> pointers, params long[] shape) =>
        new Utf8PointerInputTensor(name, pointers, shape);

    /// <summary>Like <c>x: float [2,3]</c>, for messages.</summary>
    public override string ToString() => $"{Name}: {ElementType.ToString().ToLowerInvariant()} {Shapes.Format(Shape)}";

    /// <summary>Creates the native value for one run; the caller disposes it after the run.</summary>
    internal abstract BoundInput Bind(OrtApi api);

    /// <summary>The shape as a fresh array for native calls.</summary>
    private protected long[] ShapeArray() => [.. Shape];
}
