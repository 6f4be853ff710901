namespace ModelCert.Runtime.Onnx;

/// <summary>A ready-made binary classifier in the shape of the reference models (label int64 [N], probabilities float [N,2]).</summary>
public sealed partial class OnnxModelBuilder
{
    /// <summary>
    /// Logistic regression over one float input <c>[N,k]</c>: p = sigmoid(x·w + b); outputs <c>label</c> (argmax,
    /// so p = 0.5 gives 0) and <c>probabilities</c> = [1-p, p]. Opset 13; add metadata and save as usual.
    /// </summary>
    public static OnnxModelBuilder LogisticRegression(float[] weights, float bias, string inputName = "float_input")
    {
        ArgumentNullException.ThrowIfNull(weights);
        var builder = new OnnxModelBuilder()
            .Producer("modelcert", "0.1")
            .Opset(string.Empty, 13)
            .Input(inputName, TensorElementType.Float, -1, weights.Length);
        return builder.LogisticHead(inputName, weights, bias);
    }

    /// <summary>Logistic regression over one float input <c>[N,1]</c> per feature, concatenated in the order given.</summary>
    public static OnnxModelBuilder LogisticRegression(IReadOnlyList<string> featureInputNames, float[] weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(featureInputNames);
        ArgumentNullException.ThrowIfNull(weights);
        if (featureInputNames.Count != weights.Length)
        {
            throw new ArgumentException($"{featureInputNames.Count} feature inputs but {weights.Length} weights", nameof(weights));
        }

        var builder = new OnnxModelBuilder().Producer("modelcert", "0.1").Opset(string.Empty, 13);
        foreach (var name in featureInputNames)
        {
            builder.Input(name, TensorElementType.Float, -1, 1);
        }

        builder.Node("Concat", featureInputNames, ["features"], OnnxAttribute.Int("axis", 1));
        return builder.LogisticHead("features", weights, bias);
    }

    private OnnxModelBuilder LogisticHead(string features, float[] weights, float bias) => this
        .Initializer("coefficients", weights, weights.Length, 1)
        .Initializer("intercept", [bias], 1)
        .Initializer("one", [1f], 1)
        .Node("MatMul", [features, "coefficients"], ["margin_raw"])
        .Node("Add", ["margin_raw", "intercept"], ["margin"])
        .Node("Sigmoid", ["margin"], ["p_positive"])
        .Node("Sub", ["one", "p_positive"], ["p_negative"])
        .Node("Concat", ["p_negative", "p_positive"], ["probabilities"], OnnxAttribute.Int("axis", 1))
        .Node("ArgMax", ["probabilities"], ["label"], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0))
        .Output("label", TensorElementType.Int64, -1)
        .Output("probabilities", TensorElementType.Float, -1, 2);
}
