namespace ModelCert.Core.Metrics;

/// <summary>
/// The ROC curve at every distinct score threshold (highest first), as scikit-learn's <c>roc_curve</c> without
/// dropping collinear points, and its area by the trapezoidal rule.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRates, double[] TruePositiveRates, double[] Thresholds, double? Area)
{
    public static RocCurve Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        var sorted = ScoreKeys.Sort(scores, truth);
        var points = 1 + Walk(sorted, default, default, default, 1, 0, out _);
        var fpr = new double[points];
        var tpr = new double[points];
        var thresholds = new double[points];
        thresholds[0] = double.PositiveInfinity;
        Walk(sorted, fpr.AsSpan(1), tpr.AsSpan(1), thresholds.AsSpan(1), 1, 0, out var auc);
        return new RocCurve(fpr, tpr, thresholds, auc);
    }

    /// <summary>
    /// The curve thinned for plotting, with the same area: of <see cref="Compute"/>'s points, those whose index is a
    /// multiple of step = max(1, points / <paramref name="maxPoints"/>), and the last; without the full curve's three
    /// arrays (240 MB at 10 million distinct scores).
    /// </summary>
    public static RocCurve ComputeThinned(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var sorted = ScoreKeys.Sort(scores, truth);
        var points = 1 + Walk(sorted, default, default, default, 1, 0, out _);
        var step = Math.Max(1, points / maxPoints);
        var kept = ((points - 1) / step) + 1 + ((points - 1) % step == 0 ? 0 : 1);
        var fpr = new double[kept];
        var tpr = new double[kept];
        var thresholds = new double[kept];
        thresholds[0] = double.PositiveInfinity;
        Walk(sorted, fpr.AsSpan(1), tpr.AsSpan(1), thresholds.AsSpan(1), step, points - 1, out var auc);
        return new RocCurve(fpr, tpr, thresholds, auc);
    }

    /// <summary>The area alone, without the curve's arrays: the same walk, so the same bits as <see cref="Compute"/>'s.</summary>
    internal static double? ComputeArea(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        Walk(ScoreKeys.Sort(scores, truth), default, default, default, 1, 0, out var auc);
        return auc;
    }

    /// <summary>
    /// Visits the thresholds from the highest score down, taking every row of a tie at once (so labels need not
    /// travel with the sorted scores), and writes each point when the spans are not empty. NaN rows come last, one
    /// threshold each in reverse row order, where a sort that moves NaNs to the front leaves them. Writes the points
    /// whose curve index (the initial (0, 0) at +infinity is 0) is a multiple of <paramref name="step"/>, and the
    /// <paramref name="last"/> one.
    /// Returns the number of points, without the initial one.
    /// </summary>
    private static int Walk(ScoreKeys sorted, Span<double> fpr, Span<double> tpr, Span<double> thresholds, int step, int last, out double? area)
    {
        var write = !fpr.IsEmpty;
        var written = 0;
        var positiveKeys = sorted.Positives;
        var negativeKeys = sorted.Negatives;
        var nanLabels = sorted.NanLabels;
        long positives = positiveKeys.Length, negatives = negativeKeys.Length;
        foreach (var label in nanLabels)
        {
            positives += label ? 1 : 0;
            negatives += label ? 0 : 1;
        }

        long tp = 0, fp = 0, previousTp = 0, previousFp = 0;
        double sum = 0;
        var points = 0;
        int ip = positiveKeys.Length - 1, iN = negativeKeys.Length - 1, nan = nanLabels.Length - 1;
        while (true)
        {
            double threshold;
            if (ip >= 0 || iN >= 0)
            {
                var key = ip < 0 ? negativeKeys[iN] : iN < 0 ? positiveKeys[ip] : Math.Max(positiveKeys[ip], negativeKeys[iN]);
                while (ip >= 0 && positiveKeys[ip] == key)
                {
                    tp++;
                    ip--;
                }

                while (iN >= 0 && negativeKeys[iN] == key)
                {
                    fp++;
                    iN--;
                }

                threshold = ScoreKeys.ToScore(key);
            }
            else if (nan >= 0)
            {
                if (nanLabels[nan--])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                threshold = double.NaN;
            }
            else
            {
                break;
            }

            sum += (fp - previousFp) * (double)(tp + previousTp) / 2;
            previousTp = tp;
            previousFp = fp;
            points++;
            if (write && (step == 1 || points % step == 0 || points == last))
            {
                fpr[written] = negatives == 0 ? double.NaN : (double)fp / negatives;
                tpr[written] = positives == 0 ? double.NaN : (double)tp / positives;
                thresholds[written] = threshold;
                written++;
            }
        }

        area = positives == 0 || negatives == 0 ? null : sum / ((double)positives * negatives);
        return points;
    }
}
