using System.Runtime.InteropServices;

namespace ModelCert.Core.Metrics;

/// <summary>
/// One pass over truth, prediction and group code that fills the confusion cells of every group:
/// <c>cells[4 * group + 2 * truth + prediction]</c>. Accumulators merge by adding, so shards and chunks combine.
/// </summary>
public static class GroupCounter
{
    public static long[] Count(ReadOnlySpan<bool> truth, ReadOnlySpan<bool> predicted, ReadOnlySpan<int> groups, int groupCount)
    {
        var cells = new long[checked(groupCount * 4)];
        Add(cells, truth, predicted, groups);
        return cells;
    }

    /// <summary>Adds the rows' cells into <paramref name="cells"/> (length 4 x groups). Negative group codes are skipped.</summary>
    public static void Add(Span<long> cells, ReadOnlySpan<bool> truth, ReadOnlySpan<bool> predicted, ReadOnlySpan<int> groups)
    {
        if (truth.Length != predicted.Length || truth.Length != groups.Length)
        {
            throw new ArgumentException("Truth, prediction and group codes differ in length.", nameof(groups));
        }

        var t = MemoryMarshal.AsBytes(truth);
        var p = MemoryMarshal.AsBytes(predicted);
        var groupCount = cells.Length >> 2;
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            if ((uint)g < (uint)groupCount)
            {
                cells[(g << 2) | (t[i] << 1) | p[i]]++;
            }
            else if (g >= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(groups), g, $"Group code at row {i} is outside 0..{groupCount - 1}.");
            }
        }
    }

    /// <summary>The counts of one group out of a cell array.</summary>
    public static ConfusionCounts Group(ReadOnlySpan<long> cells, int group) => ConfusionCounts.FromCells(cells.Slice(group * 4, 4));

    /// <summary>The counts of all groups together.</summary>
    public static ConfusionCounts Total(ReadOnlySpan<long> cells)
    {
        var total = default(ConfusionCounts);
        for (var g = 0; g < cells.Length / 4; g++)
        {
            total += Group(cells, g);
        }

        return total;
    }
}
