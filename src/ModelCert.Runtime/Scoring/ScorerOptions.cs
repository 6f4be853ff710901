namespace ModelCert.Runtime.Scoring;

public sealed record ScorerOptions
{
    /// <summary>Rows per model run. Large enough that the per-call cost vanishes, small enough to stay in cache.</summary>
    public int BatchRows { get; init; } = 16384;

    /// <summary>The column of the probabilities output holding the positive class (<c>--positive-index</c>).</summary>
    public int PositiveIndex { get; init; } = 1;
}
