namespace ModelCert.Core.Remediation;

/// <summary>
/// Kamiran and Calders' reweighing weights from per-group confusion cells (4 per group: TN, FP, FN, TP), and the
/// metric over the rows weighted by them with the decisions unchanged (see <see cref="ReweighingProjection"/>).
/// </summary>
internal static class Reweighing
{
    public static ReweighingProjection Project(long[] cells, IReadOnlyList<string> groups, double? metricBefore, Func<ReadOnlySpan<long>, double?> evaluate)
    {
        var count = groups.Count;
        long total = 0, positives = 0;
        for (var g = 0; g < count; g++)
        {
            total += cells[4 * g] + cells[(4 * g) + 1] + cells[(4 * g) + 2] + cells[(4 * g) + 3];
            positives += cells[(4 * g) + 2] + cells[(4 * g) + 3];
        }

        var weights = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        var before = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var w = new double[count * 2];
        for (var g = 0; g < count; g++)
        {
            long negative = cells[4 * g] + cells[(4 * g) + 1], positive = cells[(4 * g) + 2] + cells[(4 * g) + 3];
            var size = negative + positive;
            if (size == 0)
            {
                continue;
            }

            // w(g, y) = P(g) P(y) / P(g, y) = n_g n_y / (N n_gy); a cell without rows has no weight to give.
            w[2 * g] = negative == 0 ? 0 : (double)size * (total - positives) / ((double)total * negative);
            w[(2 * g) + 1] = positive == 0 ? 0 : (double)size * positives / ((double)total * positive);
            weights[$"{groups[g]}|negative"] = negative == 0 ? null : w[2 * g];
            weights[$"{groups[g]}|positive"] = positive == 0 ? null : w[(2 * g) + 1];
            before[groups[g]] = (double)positive / size;
            after[groups[g]] = ((w[(2 * g) + 1] * positive) + (w[2 * g] * negative)) is var mass and > 0 ? w[(2 * g) + 1] * positive / mass : 0;
        }

        var reweighted = total == 0 ? null : evaluate(Weighted(cells, w));
        return new ReweighingProjection(weights, before, after, metricBefore, reweighted, reweighted - metricBefore);
    }

    /// <summary>The cells with each scaled by its weight, in fixed point (rates are ratios, so the common scale cancels).</summary>
    private static long[] Weighted(long[] cells, double[] w)
    {
        var largest = 1.0;
        for (var i = 0; i < cells.Length; i++)
        {
            largest = Math.Max(largest, cells[i] * w[(2 * (i / 4)) + (i % 4 >= 2 ? 1 : 0)]);
        }

        var scale = Math.Min(1e6, 1e15 / largest);
        var result = new long[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            result[i] = (long)Math.Round(cells[i] * w[(2 * (i / 4)) + (i % 4 >= 2 ? 1 : 0)] * scale);
        }

        return result;
    }
}
