namespace ModelCert.Core.Statistics;

/// <summary>
/// Bootstrap replicates of per-group confusion cells. Resampling rows within a group is the same as drawing the
/// group's four cells from Multinomial(n_g, cells / n_g), so each replicate costs a few binomial draws per group,
/// whatever the number of rows. Groups keep their sizes (a stratified bootstrap).
/// </summary>
public static class CountBootstrap
{
    /// <summary>
    /// Returns <c>replicates x cells.Length</c> resampled cells, row-major: replicate r is
    /// <c>result.AsSpan(r * cells.Length, cells.Length)</c>. <paramref name="cells"/> holds 4 cells per group.
    /// </summary>
    public static long[] Resample(ReadOnlySpan<long> cells, int replicates, ulong seed, ulong stream = 0)
    {
        if (cells.Length % 4 != 0)
        {
            throw new ArgumentException("Cells come in fours (TN, FP, FN, TP) per group.", nameof(cells));
        }

        var result = new long[checked(replicates * cells.Length)];
        var width = cells.Length;
        var groups = new PreparedMultinomial[width / 4];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = new PreparedMultinomial(cells.Slice(4 * g, 4));
        }

        // Replicate r draws from its own stream, spread over the cores (see ReplicateStreams).
        ReplicateStreams.Run(seed, stream, replicates, () => 0, (r, random, _) =>
        {
            var target = result.AsSpan(r * width, width);
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g].Resample(random, target.Slice(4 * g, 4));
            }
        });
        return result;
    }

    /// <summary>The interval of <paramref name="metric"/> over replicates (null values dropped), widened to contain the point estimate.</summary>
    public static (double Low, double High)? Interval(
        long[] replicates, int cellsPerReplicate, Func<ReadOnlySpan<long>, double?> metric, double? point, double confidence)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(metric);
        if (point is null || replicates.Length == 0)
        {
            return null;
        }

        var count = replicates.Length / cellsPerReplicate;
        var values = new double[count];
        for (var r = 0; r < count; r++)
        {
            values[r] = metric(replicates.AsSpan(r * cellsPerReplicate, cellsPerReplicate)) ?? double.NaN;
        }

        return Contain(PercentileInterval.Compute(values, confidence), point.Value);
    }

    /// <summary>
    /// Percentile intervals of min/max statistics can miss their own point estimate; we widen to include it,
    /// which only makes a decision more cautious.
    /// </summary>
    public static (double Low, double High)? Contain((double Low, double High)? interval, double point) =>
        interval is { } i ? (Math.Min(i.Low, point), Math.Max(i.High, point)) : null;
}
