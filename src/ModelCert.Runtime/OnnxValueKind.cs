namespace ModelCert.Runtime;

/// <summary>What an ONNX graph input or output holds. Classifier exports with ZipMap give a <see cref="Sequence"/> of maps.</summary>
public enum OnnxValueKind
{
    Tensor,
    Sequence,
    Map,
    Other,
}
