namespace ModelCert.Core.Metrics;

/// <summary>
/// Metrics over the positive-class score, with scikit-learn's definitions: ROC AUC by the trapezoidal rule over
/// distinct thresholds (ties count one half), log loss with probabilities clipped to [eps, 1 - eps] where eps is
/// float64 machine epsilon, and the Brier score as the mean squared difference.
/// </summary>
public static class ScoreMetrics
{
    /// <summary>float64 machine epsilon, scikit-learn's <c>eps="auto"</c> for float64 scores.</summary>
    public const double LogLossEpsilon = 2.220446049250313e-16;

    /// <summary>ROC AUC; null when only one class is present (scikit-learn raises there).</summary>
    public static double? RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth) => RocCurve.ComputeArea(scores, truth);

    public static double LogLoss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            sum += RowLogLoss(scores[i], truth[i]);
        }

        return sum / scores.Length;
    }

    public static double Brier(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var d = scores[i] - (truth[i] ? 1.0 : 0.0);
            sum += d * d;
        }

        return sum / scores.Length;
    }

    /// <summary>One row's log loss, as scikit-learn: clip to [eps, 1-eps], renormalise the two class probabilities.</summary>
    public static double RowLogLoss(double score, bool truth)
    {
        var p = Math.Clamp(score, LogLossEpsilon, 1 - LogLossEpsilon);
        var q = 1 - p;
        var total = p + q;
        return truth ? -Math.Log(p / total) : -Math.Log(q / total);
    }

    /// <summary>
    /// The calibration bin of a score: <paramref name="bins"/> equal-width bins over [0, 1], each closed on the left
    /// and open on the right except the last, which includes 1; scores outside [0, 1] are clamped into the end bins.
    /// </summary>
    public static int CalibrationBin(double score, int bins)
    {
        if (double.IsNaN(score) || score <= 0)
        {
            return 0;
        }

        if (score >= 1)
        {
            return bins - 1;
        }

        // score * bins can round across an edge (0.29 * 100 = 28.999...); settle on the bin whose edges hold the score.
        var bin = (int)Math.Floor(score * bins);
        if (bin < bins - 1 && score >= (double)(bin + 1) / bins)
        {
            bin++;
        }
        else if (bin > 0 && score < (double)bin / bins)
        {
            bin--;
        }

        return bin;
    }

    /// <summary>Expected calibration error: sum over bins of (rows in bin / rows) x |mean score - positive rate|.</summary>
    public static double Ece(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, int bins = 10) =>
        ReliabilityCurve.Compute(scores, truth, bins).Ece;
}
