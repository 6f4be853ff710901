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
        var edges = new double[bins + 1];
        for (var k = 0; k <= bins; k++)
        {
            edges[k] = (double)k / bins;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            var b = Bin(score, bins, edges);
            counts[b]++;
            scoreSums[b] += score;
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

    /// <summary><see cref="ScoreMetrics.CalibrationBin"/> with the bin edges k / bins computed once, not twice per row.</summary>
    private static int Bin(double score, int bins, double[] edges)
    {
        if (double.IsNaN(score) || score <= 0)
        {
            return 0;
        }

        if (score >= 1)
        {
            return bins - 1;
        }

        var bin = (int)Math.Floor(score * bins);
        if (bin < bins - 1 && score >= edges[bin + 1])
        {
            bin++;
        }
        else if (bin > 0 && score < edges[bin])
        {
            bin--;
        }

        return bin;
    }
}
