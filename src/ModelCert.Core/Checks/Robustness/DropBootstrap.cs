using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Intervals for a metric drop. Paired (the same rows scored clean and changed): each replicate resamples the rows
/// once and computes both metrics on them; for confusion-cell metrics that is a multinomial draw of the 16 joint
/// (clean cell, changed cell) counts, exact and independent of the row count. Unpaired (test set against shifted
/// set): each side is resampled on its own.
/// </summary>
internal static class DropBootstrap
{
    public static (double? Drop, (double Low, double High)? Interval) Paired(
        RobustMetric metric, int[] labelRows, double[] clean, double[] changed, int replicates, double confidence, SeededRandom random)
    {
        var identity = Enumerable.Range(0, labelRows.Length).ToArray();
        var drop = metric.Drop(metric.Compute(clean, labelRows, identity), metric.Compute(changed, labelRows, identity));
        if (drop is null || replicates <= 0 || labelRows.Length == 0)
        {
            return (drop, null);
        }

        var values = new double[replicates];
        if (metric.FromCells)
        {
            var truth = metric.Truth!;
            var joint = new long[16];
            for (var i = 0; i < labelRows.Length; i++)
            {
                var label = truth[labelRows[i]];
                joint[(4 * ConfusionCounts.Cell(label, clean[i] > metric.Threshold)) + ConfusionCounts.Cell(label, changed[i] > metric.Threshold)]++;
            }

            var drawn = new long[16];
            var before = new long[4];
            var after = new long[4];
            for (var r = 0; r < replicates; r++)
            {
                Binomial.ResampleCounts(random, joint, drawn);
                Array.Clear(before);
                Array.Clear(after);
                for (var cell = 0; cell < 16; cell++)
                {
                    before[cell / 4] += drawn[cell];
                    after[cell % 4] += drawn[cell];
                }

                values[r] = metric.Drop(metric.FromConfusion(ConfusionCounts.FromCells(before)), metric.FromConfusion(ConfusionCounts.FromCells(after))) ?? double.NaN;
            }
        }
        else
        {
            var labels = new int[labelRows.Length];
            var scores = new int[labelRows.Length];
            for (var r = 0; r < replicates; r++)
            {
                for (var i = 0; i < labels.Length; i++)
                {
                    var row = random.NextInt(labels.Length);
                    labels[i] = labelRows[row];
                    scores[i] = row;
                }

                values[r] = metric.Drop(metric.Compute(clean, labels, scores), metric.Compute(changed, labels, scores)) ?? double.NaN;
            }
        }

        return (drop, PercentileInterval.Compute(values, confidence));
    }

    /// <summary>The drop from one set to another, each with its own labels, resampled independently.</summary>
    public static (double? Drop, (double Low, double High)? Interval) Unpaired(
        RobustMetric first, double[] firstScores, RobustMetric second, double[] secondScores, int replicates, double confidence, SeededRandom random)
    {
        var firstRows = Enumerable.Range(0, firstScores.Length).ToArray();
        var secondRows = Enumerable.Range(0, secondScores.Length).ToArray();
        var drop = first.Drop(first.Compute(firstScores, firstRows, firstRows), second.Compute(secondScores, secondRows, secondRows));
        if (drop is null || replicates <= 0)
        {
            return (drop, null);
        }

        var values = new double[replicates];
        var a = new int[firstRows.Length];
        var b = new int[secondRows.Length];
        for (var r = 0; r < replicates; r++)
        {
            Resample(a, random);
            Resample(b, random);
            values[r] = first.Drop(first.Compute(firstScores, a, a), second.Compute(secondScores, b, b)) ?? double.NaN;
        }

        return (drop, PercentileInterval.Compute(values, confidence));
    }

    private static void Resample(int[] rows, SeededRandom random)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.NextInt(rows.Length);
        }
    }
}
