using ModelCert.Core;

namespace ModelCert.Runtime.Scoring;

public enum ModelKind
{
    Classifier,
    Regressor,
}

/// <summary>
/// Which model outputs carry the decision and the score. A classifier has a <c>[N,C]</c> probabilities tensor
/// (and usually a <c>[N]</c> label tensor); a regressor has one numeric <c>[N]</c> or <c>[N,1]</c> output.
/// </summary>
public sealed record OutputLayout(ModelKind Kind, TensorInfo? Label, TensorInfo? Probabilities, TensorInfo? Prediction)
{
    public IReadOnlyList<string> OutputNames =>
        [.. new[] { Label, Probabilities, Prediction }.Where(o => o is not null).Select(o => o!.Name)];

    public static OutputLayout Detect(IReadOnlyList<TensorInfo> outputs, string modelOrigin)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var tensors = outputs.Where(o => o.Kind == OnnxValueKind.Tensor).ToList();
        var probabilities = Prefer(tensors.Where(o => IsReal(o.ElementType) && o.Shape.Count == 2 && o.Shape[1] != 1), "prob");
        var label = Prefer(tensors.Where(o => IsLabelType(o.ElementType) && IsColumn(o)), "label");
        if (probabilities is not null)
        {
            return new OutputLayout(ModelKind.Classifier, label, probabilities, null);
        }

        if (outputs.FirstOrDefault(o => o.Kind != OnnxValueKind.Tensor) is { } map)
        {
            throw new InputException(
                $"model '{modelOrigin}' gives its probabilities as '{map.Name}', a {map.Kind.ToString().ToLowerInvariant()} (ZipMap); re-export it without ZipMap (skl2onnx: options={{'zipmap': False}}) so probabilities are a [N,C] tensor");
        }

        var prediction = Prefer(tensors.Where(o => IsReal(o.ElementType) && IsColumn(o)), "predict") ?? Prefer(tensors.Where(o => IsColumn(o) && IsNumber(o.ElementType)), "variable");
        if (prediction is not null && (label is null || IsReal(prediction.ElementType)))
        {
            return new OutputLayout(ModelKind.Regressor, null, null, prediction);
        }

        throw new InputException(
            $"model '{modelOrigin}' has no output ModelCert can read as probabilities [N,C] or a prediction [N]; outputs: {(outputs.Count == 0 ? "none" : string.Join(", ", outputs.Select(o => $"'{o.Name}' {InputMapper.Describe(o)}")))}");
    }

    private static TensorInfo? Prefer(IEnumerable<TensorInfo> candidates, string hint)
    {
        var list = candidates.ToList();
        return list.FirstOrDefault(o => o.Name.Contains(hint, StringComparison.OrdinalIgnoreCase)) ?? list.FirstOrDefault();
    }

    private static bool IsColumn(TensorInfo info) => info.Shape.Count == 1 || (info.Shape.Count == 2 && info.Shape[1] == 1);

    private static bool IsReal(TensorElementType type) => type is TensorElementType.Float or TensorElementType.Double;

    /// <summary>The element types <see cref="OutputTensor.ToDoubleArray"/> converts; not strings, bfloat16 or 8-bit floats.</summary>
    private static bool IsNumber(TensorElementType type) =>
        type is TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.Bool
            or TensorElementType.Int8 or TensorElementType.UInt8 or TensorElementType.Int16 or TensorElementType.UInt16
            or TensorElementType.Int32 or TensorElementType.UInt32 or TensorElementType.Int64 or TensorElementType.UInt64;

    private static bool IsLabelType(TensorElementType type) =>
        type is TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.String or TensorElementType.Bool;
}
