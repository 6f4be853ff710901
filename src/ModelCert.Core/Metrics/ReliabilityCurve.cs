namespace ModelCert.Core.Metrics;

/// <summary>One calibration bin: its score range, rows, mean score and observed positive rate (null when empty).</summary>
public sealed record ReliabilityBin(double Low, double High, long Count, double? MeanScore, double? PositiveRate);

/// <summary>The reliability diagram's data and the expected calibration error computed from it.</summary>
public sealed record ReliabilityCurve(IReadOnlyList<ReliabilityBin> Bins, double Ece)
{
    public static ReliabilityCurve Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new long[bins];
        var scoreSums = new double[bins];
        var positives = new long[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var b = ScoreMetrics.CalibrationBin(scores[i], bins);
            counts[b]++;
            scoreSums[b] += scores[i];
            positives[b] += truth[i] ? 1 : 0;
        }

        var ece = 0.0;
        var result = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
        {
            result[b] = counts[b] == 0
                ? new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, 0, null, null)
                : new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, counts[b], scoreSums[b] / counts[b], (double)positives[b] / counts[b]);
            ece += Math.Abs(scoreSums[b] - positives[b]);
        }

        return new ReliabilityCurve(result, scores.Length == 0 ? double.NaN : ece / scores.Length);
    }
}
