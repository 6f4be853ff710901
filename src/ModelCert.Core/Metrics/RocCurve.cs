namespace ModelCert.Core.Metrics;

/// <summary>
/// The ROC curve at every distinct score threshold (highest first), as scikit-learn's <c>roc_curve</c> without
/// dropping collinear points, and its area by the trapezoidal rule.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRates, double[] TruePositiveRates, double[] Thresholds, double? Area)
{
    public static RocCurve Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        if (scores.Length != truth.Length)
        {
            throw new ArgumentException("Scores and labels differ in length.", nameof(truth));
        }

        var order = new double[scores.Length];
        var labels = new bool[scores.Length];
        scores.CopyTo(order);
        truth.CopyTo(labels);
        Array.Sort(order, labels);

        long positives = 0;
        foreach (var t in labels)
        {
            positives += t ? 1 : 0;
        }

        long negatives = labels.Length - positives;
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        long tp = 0, fp = 0, previousTp = 0, previousFp = 0;
        double area = 0;
        for (var i = order.Length - 1; i >= 0; i--)
        {
            if (labels[i])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i > 0 && order[i - 1] == order[i])
            {
                continue;
            }

            area += (fp - previousFp) * (double)(tp + previousTp) / 2;
            previousTp = tp;
            previousFp = fp;
            fpr.Add(negatives == 0 ? double.NaN : (double)fp / negatives);
            tpr.Add(positives == 0 ? double.NaN : (double)tp / positives);
            thresholds.Add(order[i]);
        }

        double? auc = positives == 0 || negatives == 0 ? null : area / ((double)positives * negatives);
        return new RocCurve([.. fpr], [.. tpr], [.. thresholds], auc);
    }
}
