using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;

namespace ModelCert.Tests.Fuzzing;

/// <summary>
/// Small, valid models that allocate a large tensor while they run, from a shape held as a value (which static
/// inspection cannot bound): each reads <c>x</c> float [N,3] and predicts <c>y</c> float [N,1] = the row's largest
/// value plus the largest of a ConstantOfShape tensor of zeros, so the big tensor is really computed and used.
/// </summary>
internal static class MemoryHungryModels
{
    /// <summary>2^28 float elements: 1 GiB.</summary>
    public const long OneGibFloats = 1L << 28;

    /// <summary>The zeros' shape is a constant initializer [<paramref name="elements"/>].</summary>
    public static byte[] ConstantShape(long elements) => Prediction(new OnnxModelBuilder()
        .Opset(string.Empty, 13)
        .Input("x", TensorElementType.Float, -1, 3)
        .Initializer("count", [elements], 1));

    /// <summary>The zeros' shape is computed at run time from the input: N × <paramref name="elementsPerRow"/>.</summary>
    public static byte[] ShapeFromInput(long elementsPerRow) => Prediction(new OnnxModelBuilder()
        .Opset(string.Empty, 13)
        .Input("x", TensorElementType.Float, -1, 3)
        .Initializer("start", [0L], 1)
        .Initializer("end", [1L], 1)
        .Initializer("per_row", [elementsPerRow], 1)
        .Node("Shape", ["x"], ["x_shape"])
        .Node("Slice", ["x_shape", "start", "end"], ["rows"])
        .Node("Mul", ["rows", "per_row"], ["count"]));

    private static byte[] Prediction(OnnxModelBuilder builder) => builder
        .Node("ConstantOfShape", ["count"], ["zeros"])
        .Node("ReduceMax", ["zeros"], ["zeros_max"], OnnxAttribute.Int("keepdims", 1))
        .Node("ReduceMax", ["x"], ["row_max"], OnnxAttribute.Ints("axes", 1))
        .Node("Add", ["row_max", "zeros_max"], ["y"])
        .Output("y", TensorElementType.Float, -1, 1)
        .ToBytes();
}
