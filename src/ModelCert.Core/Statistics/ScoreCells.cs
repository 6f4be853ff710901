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

    /// <summary>
    /// Cells from rows sorted by score; within a tie, negatives before positives, so the cells and their order depend
    /// on the rows, never on the order they came in. Rows with a NaN score come first, one cell each (negatives first).
    /// Past <paramref name="maxExactCells"/> distinct (score, label) pairs, the key is the score's equal-width bin.
    /// </summary>
    public static ScoreCells Build(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, int maxExactCells, int fineBins, int eceBins)
    {
        var sorted = ScoreKeys.Sort(scores, truth);
        var negatives = sorted.Negatives;
        var positives = sorted.Positives;
        var binned = sorted.NanLabels.Length + CountDistinct(negatives) + CountDistinct(positives) > maxExactCells;
        double low = 0, width = 0;
        if (binned && negatives.Length + positives.Length > 0)
        {
            low = ScoreKeys.ToScore(Math.Min(negatives.Length > 0 ? negatives[0] : ulong.MaxValue, positives.Length > 0 ? positives[0] : ulong.MaxValue));
            width = (ScoreKeys.ToScore(Math.Max(negatives.Length > 0 ? negatives[^1] : 0, positives.Length > 0 ? positives[^1] : 0)) - low) / fineBins;
        }

        var builder = new ScoreCellBuilder(eceBins);
        foreach (var label in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var nanLabel in sorted.NanLabels)
            {
                if (nanLabel == label)
                {
                    builder.Add(double.NaN, label, double.NaN, 1);
                }
            }
        }

        int n = 0, p = 0;
        while (n < negatives.Length || p < positives.Length)
        {
            var negative = p >= positives.Length || (n < negatives.Length && negatives[n] <= positives[p]);
            var keys = negative ? negatives : positives;
            ref var at = ref negative ? ref n : ref p;
            var end = at + 1;
            while (end < keys.Length && keys[end] == keys[at])
            {
                end++;
            }

            var score = ScoreKeys.ToScore(keys[at]);
            var key = !binned ? score : width == 0 ? 0 : Math.Min(fineBins - 1, Math.Floor((score - low) / width));
            builder.Add(key, !negative, score, end - at);
            at = end;
        }

        var cells = builder.Cells;
        var counts = new long[cells.Length];
        var meanScore = new double[cells.Length];
        var meanLogLoss = new double[cells.Length];
        var meanSquaredError = new double[cells.Length];
        var positive = new bool[cells.Length];
        var order = new int[cells.Length];
        var eceBin = new int[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            counts[i] = c.Count;
            meanScore[i] = c.ScoreSum / c.Count;
            meanLogLoss[i] = c.LogLossSum / c.Count;
            meanSquaredError[i] = c.SquaredErrorSum / c.Count;
            positive[i] = c.Positive;
            order[i] = c.TieGroup;
            eceBin[i] = c.EceBin;
        }

        return new ScoreCells(counts, meanScore, meanLogLoss, meanSquaredError, positive, order, eceBin, eceBins, binned);
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

    private static int CountDistinct(ulong[] sortedKeys)
    {
        var distinct = 0;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            distinct += i == 0 || sortedKeys[i] != sortedKeys[i - 1] ? 1 : 0;
        }

        return distinct;
    }
}
