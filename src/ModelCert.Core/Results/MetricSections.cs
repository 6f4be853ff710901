namespace ModelCert.Core.Results;

/// <summary>results.json's confusion matrix: <c>{ "tn", "fp", "fn", "tp" }</c>.</summary>
public sealed record ConfusionMatrix(long Tn, long Fp, long Fn, long Tp);

/// <summary>ROC curve points for plotting (thinned to at most a few hundred points).</summary>
public sealed record RocPoints(double[] Fpr, double[] Tpr);

/// <summary>results.json's <c>metrics.performance</c>. Intervals are keyed by metric name in <see cref="Ci"/>.</summary>
public sealed record PerformanceSection
{
    public long N { get; init; }

    public long? PositivesTrue { get; init; }

    public long? PositivesPred { get; init; }

    public double? BaseRate { get; init; }

    public double? SelectionRate { get; init; }

    public double? Accuracy { get; init; }

    public double? Precision { get; init; }

    public double? Recall { get; init; }

    public double? F1 { get; init; }

    public double? RocAuc { get; init; }

    public double? LogLoss { get; init; }

    public double? Brier { get; init; }

    public double? Ece { get; init; }

    public int? EceBins { get; init; }

    public ConfusionMatrix? ConfusionMatrix { get; init; }

    public double? Mae { get; init; }

    public double? Rmse { get; init; }

    public double? R2 { get; init; }

    public SortedDictionary<string, double[]> Ci { get; init; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Metrics.ReliabilityBin>? Reliability { get; init; }

    public RocPoints? Roc { get; init; }
}

/// <summary>One group's row in <c>metrics.fairness.&lt;attribute&gt;.groups</c>.</summary>
public sealed record GroupSection
{
    public long Count { get; init; }

    public double? Share { get; init; }

    public double? SelectionRate { get; init; }

    public double? Tpr { get; init; }

    public double? Fpr { get; init; }

    public double? Fnr { get; init; }

    public double? Precision { get; init; }

    public double? Accuracy { get; init; }

    public double? Mae { get; init; }

    public ConfusionMatrix? ConfusionMatrix { get; init; }

    public SortedDictionary<string, double[]> Ci { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>results.json's <c>metrics.fairness.&lt;attribute or a|b&gt;</c>.</summary>
public sealed record AttributeSection
{
    public SortedDictionary<string, GroupSection> Groups { get; init; } = new(StringComparer.Ordinal);

    public double? DemographicParityDifference { get; init; }

    public double? DemographicParityRatio { get; init; }

    public double? EqualizedOddsDifference { get; init; }

    public double? EqualizedOddsRatio { get; init; }

    public double? EqualOpportunityDifference { get; init; }

    public double? EqualOpportunityRatio { get; init; }

    public double? PredictiveParityDifference { get; init; }

    public double? PredictiveParityRatio { get; init; }

    public double? FprDifference { get; init; }

    public double? AccuracyDifference { get; init; }

    public double? ErrorGap { get; init; }

    /// <summary><c>group: rate</c> for every rate whose denominator is zero.</summary>
    public IReadOnlyList<string> UndefinedRates { get; init; } = [];

    public long MissingValues { get; init; }

    public string? Privileged { get; init; }

    public SortedDictionary<string, double[]> Ci { get; init; } = new(StringComparer.Ordinal);
}
