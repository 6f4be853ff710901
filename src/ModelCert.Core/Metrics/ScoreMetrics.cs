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
    public static double? RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        var curve = RocCurve.Compute(scores, truth);
        return curve.Area;
    }

    public static double LogLoss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = Math.Clamp(scores[i], LogLossEpsilon, 1 - LogLossEpsilon);
            var q = 1 - p;
            var total = p + q;
            sum -= truth[i] ? Math.Log(p / total) : Math.Log(q / total);
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
}
