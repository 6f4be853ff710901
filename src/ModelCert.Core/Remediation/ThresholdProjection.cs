namespace ModelCert.Core.Remediation;

/// <summary>
/// Per-group decision thresholds that would make a failed fairness requirement pass, and what they cost. A group is
/// positive when its score is above its threshold; groups left out of the decision (too small) keep the current one.
/// <see cref="MetricAfter"/> and its interval are recomputed from the cells those thresholds give, with the check's
/// own definitions; <see cref="DecisionAfter"/> says whether the interval clears the threshold (<c>pass</c>) or the
/// point alone does (<c>uncertain</c>). Accuracy is over every evaluated row, null without labels. The selection rates
/// are favourable-outcome rates, like the check's: with <see cref="Evaluation.FavourableOutcome.Negative"/> the share
/// of a group at or below its threshold, which rises when the threshold rises.
/// </summary>
public sealed record ThresholdProjection(
    IReadOnlyDictionary<string, double> Thresholds,
    double ThresholdBefore,
    double Target,
    double? MetricBefore,
    double MetricAfter,
    double[]? MetricAfterCi,
    string DecisionAfter,
    double? AccuracyBefore,
    double? AccuracyAfter,
    IReadOnlyDictionary<string, double?> SelectionRateBefore,
    IReadOnlyDictionary<string, double?> SelectionRateAfter,
    long DecisionsChanged)
{
    /// <summary>Accuracy lost, in percentage points (negative when accuracy rises).</summary>
    public double? AccuracyCostPoints => AccuracyBefore is { } before && AccuracyAfter is { } after ? (before - after) * 100 : null;
}

/// <summary>
/// Kamiran and Calders' reweighing (2012): each (group, label) cell of the training data gets weight
/// w(g, y) = P(g) P(y) / P(g, y), which makes group and label independent in the weighted data: every group's
/// weighted positive-label rate becomes the overall rate. Keys are <c>group|positive</c> and <c>group|negative</c>.
/// <see cref="MetricReweighted"/> is the requirement's metric over the evaluation rows weighted the same way with
/// today's decisions: the disparity left once base rates are equal. <see cref="ExpectedChange"/> is it minus
/// <see cref="MetricBefore"/>. Rates conditioned on the label (TPR, FPR) do not move under reweighing alone.
/// </summary>
public sealed record ReweighingProjection(
    IReadOnlyDictionary<string, double?> Weights,
    IReadOnlyDictionary<string, double> PositiveRateBefore,
    IReadOnlyDictionary<string, double> PositiveRateAfter,
    double? MetricBefore,
    double? MetricReweighted,
    double? ExpectedChange);
