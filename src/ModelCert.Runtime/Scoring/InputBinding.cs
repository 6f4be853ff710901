namespace ModelCert.Runtime.Scoring;

/// <summary>
/// Which columns feed one model input: one column for a per-column input (<c>[N]</c> or <c>[N,1]</c>),
/// or k ordered columns packed into a <c>[N,k]</c> tensor.
/// </summary>
public sealed record InputBinding(TensorInfo Input, IReadOnlyList<string> Columns, InputMatch Match)
{
    /// <summary>The width of the second dimension fed to the model (1 for per-column inputs).</summary>
    public int Width => Columns.Count;

    /// <summary>Whether the input is declared with rank 1 (<c>[N]</c>) rather than rank 2.</summary>
    public bool IsRankOne => Input.Shape.Count == 1;
}

/// <summary>How a binding was found, so <c>init</c> and reports can show it.</summary>
public enum InputMatch
{
    ExactName,
    NormalizedName,
    Explicit,
    FeatureList,
}
