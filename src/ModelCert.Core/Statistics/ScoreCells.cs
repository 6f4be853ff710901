using ModelCert.Core.Metrics;

namespace ModelCert.Core.Statistics;

/// <summary>
/// Rows grouped into cells that share a score key and a label, ordered by score, with the per-cell sums that
/// the score metrics need. Weighted by any vector of cell counts, they give the metrics of that resample.
/// </summary>
internal sealed class ScoreCells
{
    private ScoreCells(long[] counts, double[] meanScore, double[] meanLogLoss, double[] meanSquaredError, bool[] positive, int[] order, int[] eceBin, int eceBins, bool binned)
    {
        Counts = counts;
        MeanScore = meanScore;
        MeanLogLoss = meanLogLoss;
        MeanSquaredError = meanSquaredError;
        Positive = positive;
        Order = order;
        EceBin = eceBin;
        EceBins = eceBins;
        Binned = binned;
    }

    public long[] Counts { get; }

    public double[] MeanScore { get; }

    public double[] MeanLogLoss { get; }

    public double[] MeanSquaredError { get; }

    public bool[] Positive { get; }

    /// <summary>Tie groups: cells with equal <c>Order</c> share a score key; keys ascend with the index.</summary>
    public int[] Order { get; }

    public int[] EceBin { get; }

    public int EceBins { get; }

    public bool Binned { get; }

    public static ScoreCells Build(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, int maxExactCells, int fineBins, int eceBins)
    {
        var keys = new double[scores.Length];
        scores.CopyTo(keys);
        var labels = truth.ToArray();
        var rows = new int[scores.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(keys, rows);
        var distinct = CountDistinct(keys, rows, labels);
        var binned = distinct > maxExactCells;
        if (binned)
        {
            var low = keys[0];
            var width = (keys[^1] - low) / fineBins;
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = width == 0 ? 0 : Math.Min(fineBins - 1, Math.Floor((keys[i] - low) / width));
            }
        }

        var builder = new ScoreCellBuilder(eceBins);
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            builder.Add(keys[i], labels[row], scores[row]);
        }

        var cells = builder.Cells;
        return new ScoreCells(
            [.. cells.Select(c => c.Count)],
            [.. cells.Select(c => c.ScoreSum / c.Count)],
            [.. cells.Select(c => c.LogLossSum / c.Count)],
            [.. cells.Select(c => c.SquaredErrorSum / c.Count)],
            [.. cells.Select(c => c.Positive)],
            [.. cells.Select(c => c.TieGroup)],
            [.. cells.Select(c => c.EceBin)],
            eceBins,
            binned);
    }

    public ScoreMetricsResult Evaluate(ReadOnlySpan<long> counts)
    {
        long total = 0, positives = 0;
        double logLoss = 0, brier = 0, pairs = 0, negativesBelow = 0;
        var eceScore = new double[EceBins];
        var ecePositive = new double[EceBins];
        var cell = 0;
        while (cell < counts.Length)
        {
            // One tie group: its negatives count half against its own positives.
            var end = cell;
            double groupPositive = 0, groupNegative = 0;
            while (end < counts.Length && Order[end] == Order[cell])
            {
                var c = counts[end];
                total += c;
                logLoss += c * MeanLogLoss[end];
                brier += c * MeanSquaredError[end];
                eceScore[EceBin[end]] += c * MeanScore[end];
                if (Positive[end])
                {
                    groupPositive += c;
                    ecePositive[EceBin[end]] += c;
                }
                else
                {
                    groupNegative += c;
                }

                end++;
            }

            pairs += groupPositive * (negativesBelow + (0.5 * groupNegative));
            negativesBelow += groupNegative;
            positives += (long)groupPositive;
            cell = end;
        }

        var negatives = total - positives;
        var ece = 0.0;
        for (var b = 0; b < EceBins; b++)
        {
            ece += Math.Abs(eceScore[b] - ecePositive[b]);
        }

        double? auc = positives == 0 || negatives == 0 ? null : pairs / ((double)positives * negatives);
        return total == 0
            ? new ScoreMetricsResult(null, double.NaN, double.NaN, double.NaN)
            : new ScoreMetricsResult(auc, logLoss / total, brier / total, ece / total);
    }

    private static int CountDistinct(double[] keys, int[] rows, bool[] labels)
    {
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1] || labels[rows[i]] != labels[rows[i - 1]])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
