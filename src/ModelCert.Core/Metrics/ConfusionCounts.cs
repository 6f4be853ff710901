namespace ModelCert.Core.Metrics;

/// <summary>
/// The four cells of a binary confusion matrix. Rates are null when their denominator is zero: the caller's
/// definition profile decides whether that is reported as null (strict) or 0 (fairlearn).
/// </summary>
public readonly record struct ConfusionCounts(long Tn, long Fp, long Fn, long Tp)
{
    public long Count => Tn + Fp + Fn + Tp;

    public long ActualPositives => Tp + Fn;

    public long ActualNegatives => Tn + Fp;

    public long PredictedPositives => Tp + Fp;

    public double? SelectionRate => Ratio(PredictedPositives, Count);

    public double? Accuracy => Ratio(Tp + Tn, Count);

    /// <summary>True positive rate, recall, sensitivity: TP / (TP + FN).</summary>
    public double? Tpr => Ratio(Tp, ActualPositives);

    /// <summary>False positive rate: FP / (FP + TN).</summary>
    public double? Fpr => Ratio(Fp, ActualNegatives);

    /// <summary>False negative rate: FN / (TP + FN).</summary>
    public double? Fnr => Ratio(Fn, ActualPositives);

    /// <summary>True negative rate, specificity: TN / (TN + FP).</summary>
    public double? Tnr => Ratio(Tn, ActualNegatives);

    /// <summary>Precision, positive predictive value: TP / (TP + FP).</summary>
    public double? Precision => Ratio(Tp, PredictedPositives);

    /// <summary>F1: 2TP / (2TP + FP + FN), the harmonic mean of precision and recall (scikit-learn's form).</summary>
    public double? F1 => Ratio(2 * Tp, (2 * Tp) + Fp + Fn);

    public double? BaseRate => Ratio(ActualPositives, Count);

    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) =>
        new(a.Tn + b.Tn, a.Fp + b.Fp, a.Fn + b.Fn, a.Tp + b.Tp);

    /// <summary>The cell index used by count arrays: 0 TN, 1 FP, 2 FN, 3 TP (= 2 * truth + prediction).</summary>
    public static int Cell(bool truth, bool predicted) => (truth ? 2 : 0) + (predicted ? 1 : 0);

    public static ConfusionCounts FromCells(ReadOnlySpan<long> cells) => new(cells[0], cells[1], cells[2], cells[3]);

    private static double? Ratio(long numerator, long denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;
}
