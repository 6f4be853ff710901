using ModelCert.Runtime.Onnx;

namespace ModelCert.Runtime.Tests.Support;

/// <summary>Tiny models built with <see cref="OnnxModelBuilder"/>, one per kind of input and output the binding must handle.</summary>
internal static class TestModels
{
    public static readonly float[] Weights = [0.5f, -1f, 2f];
    public const float Bias = 0.25f;

    /// <summary>(a) Logistic regression over <c>float_input</c> [N,3]: label int64 [N], probabilities float [N,2].</summary>
    public static OnnxModelBuilder LogisticRegression() => OnnxModelBuilder.LogisticRegression(Weights, Bias)
        .Domain("test.modelcert")
        .ModelVersion(7)
        .Description("logistic regression for tests")
        .Graph("lr_graph")
        .Metadata("dataset", "synthetic")
        .Metadata("onnx_input_to_csv_column", "{\"float_input\": [\"a\", \"b\", \"c\"]}");

    /// <summary>The probability of class 1 the logistic regression gives for one row, in double precision.</summary>
    public static double Probability(ReadOnlySpan<float> row)
    {
        double margin = Bias;
        for (var j = 0; j < Weights.Length; j++)
        {
            margin += Weights[j] * row[j];
        }

        return 1 / (1 + Math.Exp(-margin));
    }

    /// <summary>
    /// (b) Per-column [N,1] inputs with a string: <c>color</c> goes through an ai.onnx.ml LabelEncoder
    /// (red 1, green 2, blue 3, else -1) to <c>color_code</c>; <c>score</c> = color_code + 10·age - income.
    /// </summary>
    public static OnnxModelBuilder Mixed() => new OnnxModelBuilder()
        .Producer("modelcert-tests", "1.0")
        .Opset(string.Empty, 13)
        .Opset("ai.onnx.ml", 3)
        .Input("color", TensorElementType.String, -1, 1)
        .Input("age", TensorElementType.Float, -1, 1)
        .Input("income", TensorElementType.Float, -1, 1)
        .Node("ai.onnx.ml", "LabelEncoder", ["color"], ["color_code"],
            OnnxAttribute.Strings("keys_strings", "red", "green", "blue"),
            OnnxAttribute.Floats("values_floats", 1f, 2f, 3f),
            OnnxAttribute.Float("default_float", -1f))
        .Node("Concat", ["color_code", "age", "income"], ["features"], OnnxAttribute.Int("axis", 1))
        .Initializer("weights", [1f, 10f, -1f], 3, 1)
        .Node("MatMul", ["features", "weights"], ["score"])
        .Output("color_code", TensorElementType.Float, -1, 1)
        .Output("score", TensorElementType.Float, -1, 1);

    /// <summary>(c) A regressor: <c>variable</c> [N,1] = x·[2,3] + 1 over <c>x</c> float [N,2] (a tensor attribute holds the bias).</summary>
    public static OnnxModelBuilder Regressor() => new OnnxModelBuilder()
        .Opset(string.Empty, 13)
        .Input("x", TensorElementType.Float, -1, 2)
        .Initializer("w", [2f, 3f], 2, 1)
        .Node("Constant", [], ["b"], OnnxAttribute.Tensor("value", OnnxTensor.Float([1f], 1)))
        .Node("MatMul", ["x", "w"], ["xw"])
        .Node("Add", ["xw", "b"], ["variable"])
        .Output("variable", TensorElementType.Float, -1, 1);

    /// <summary>
    /// (d) int64, double, int32 and bool inputs: <c>total</c> double = count + amount + level; <c>not_flag</c> bool;
    /// <c>count_out</c> int64 and <c>level_out</c> int32 echo their inputs.
    /// </summary>
    public static OnnxModelBuilder Types() => new OnnxModelBuilder()
        .Opset(string.Empty, 13)
        .Input("count", TensorElementType.Int64, -1, 1)
        .Input("amount", TensorElementType.Double, -1, 1)
        .Input("level", TensorElementType.Int32, -1, 1)
        .Input("flag", TensorElementType.Bool, -1, 1)
        .Node("Cast", ["count"], ["count_double"], OnnxAttribute.Int("to", (long)TensorElementType.Double))
        .Node("Cast", ["level"], ["level_double"], OnnxAttribute.Int("to", (long)TensorElementType.Double))
        .Node("Add", ["count_double", "amount"], ["partial"])
        .Node("Add", ["partial", "level_double"], ["total"])
        .Node("Not", ["flag"], ["not_flag"])
        .Node("Identity", ["count"], ["count_out"])
        .Node("Identity", ["level"], ["level_out"])
        .Output("total", TensorElementType.Double, -1, 1)
        .Output("not_flag", TensorElementType.Bool, -1, 1)
        .Output("count_out", TensorElementType.Int64, -1, 1)
        .Output("level_out", TensorElementType.Int32, -1, 1);

    /// <summary>(e) A string output: <c>echo</c> = Identity(<c>text</c>), both string [N,1].</summary>
    public static OnnxModelBuilder Echo() => new OnnxModelBuilder()
        .Opset(string.Empty, 13)
        .Input("text", TensorElementType.String, -1, 1)
        .Node("Identity", ["text"], ["echo"])
        .Output("echo", TensorElementType.String, -1, 1);

    /// <summary>The logistic regression with its probabilities also given through ZipMap, as a sequence of maps.</summary>
    public static OnnxModelBuilder WithZipMap() => OnnxModelBuilder.LogisticRegression(Weights, Bias)
        .Opset("ai.onnx.ml", 1)
        .Node("ai.onnx.ml", "ZipMap", ["probabilities"], ["output_probability"], OnnxAttribute.Ints("classlabels_int64s", 0, 1))
        .SequenceOfMapsOutput("output_probability", TensorElementType.Int64, TensorElementType.Float);
}
