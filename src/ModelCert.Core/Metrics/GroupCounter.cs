using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// The four cells of all rows together (one group, no codes): <c>Count(truth, predicted, new int[rows], 1)</c>
    /// without the array of zeros, from three vectorized counts (true labels, positive predictions, both).
    /// </summary>
    public static long[] Count(ReadOnlySpan<bool> truth, ReadOnlySpan<bool> predicted)
    {
        if (truth.Length != predicted.Length)
        {
            throw new ArgumentException("Truth and prediction differ in length.", nameof(predicted));
        }

        var t = MemoryMarshal.AsBytes(truth);
        var p = MemoryMarshal.AsBytes(predicted);
        long rows = t.Length;
        long actual = rows - t.Count((byte)0);
        long chosen = rows - p.Count((byte)0);
        long both = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count <= t.Length; i += Vector256<byte>.Count)
            {
                var neither = Vector256.Equals(Vector256.Min(Vector256.Create(t.Slice(i, Vector256<byte>.Count)), Vector256.Create(p.Slice(i, Vector256<byte>.Count))), Vector256<byte>.Zero);
                both += Vector256<byte>.Count - BitOperations.PopCount(neither.ExtractMostSignificantBits());
            }
        }

        for (; i < t.Length; i++)
        {
            both += t[i] != 0 && p[i] != 0 ? 1 : 0;
        }

        return [rows - actual - chosen + both, chosen - both, actual - both, both];
    }

    /// <summary>Adds the rows' cells into <paramref name="cells"/> (length 4 x groups). Negative group codes are skipped.</summary>
    public static void Add(Span<long> cells, ReadOnlySpan<bool> truth, ReadOnlySpan<bool> predicted, ReadOnlySpan<int> groups)
    {
        if (truth.Length != predicted.Length || truth.Length != groups.Length)
        {
            throw new ArgumentException("Truth, prediction and group codes differ in length.", nameof(groups));
        }

        // Four copies of the cells, one per row of every four, so that rows landing in the same cell one after the
        // other do not wait on each other's increment; summed at the end (or before throwing, as if counted in place).
        var t = MemoryMarshal.AsBytes(truth);
        var p = MemoryMarshal.AsBytes(predicted);
        var width = cells.Length;
        var groupCount = width >> 2;
        Span<long> lanes = width <= 256 ? stackalloc long[4 * width] : new long[4 * width];
        lanes.Clear();
        var i = 0;
        unchecked
        {
            while (i < groups.Length)
            {
                for (; i + 4 <= groups.Length; i += 4)
                {
                    int g0 = groups[i], g1 = groups[i + 1], g2 = groups[i + 2], g3 = groups[i + 3];
                    if ((uint)g0 >= (uint)groupCount || (uint)g1 >= (uint)groupCount || (uint)g2 >= (uint)groupCount || (uint)g3 >= (uint)groupCount)
                    {
                        break;
                    }

                    lanes[(g0 << 2) | (t[i] << 1) | p[i]]++;
                    lanes[width + ((g1 << 2) | (t[i + 1] << 1) | p[i + 1])]++;
                    lanes[(2 * width) + ((g2 << 2) | (t[i + 2] << 1) | p[i + 2])]++;
                    lanes[(3 * width) + ((g3 << 2) | (t[i + 3] << 1) | p[i + 3])]++;
                }

                // A block holding a missing or invalid code, or the last rows: one row at a time.
                for (var end = Math.Min(i + 4, groups.Length); i < end; i++)
                {
                    var g = groups[i];
                    if ((uint)g < (uint)groupCount)
                    {
                        lanes[(g << 2) | (t[i] << 1) | p[i]]++;
                    }
                    else if (g >= 0)
                    {
                        Fold(lanes, cells);
                        throw new ArgumentOutOfRangeException(nameof(groups), g, $"Group code at row {i} is outside 0..{groupCount - 1}.");
                    }
                }
            }
        }

        Fold(lanes, cells);
    }

    private static void Fold(ReadOnlySpan<long> lanes, Span<long> cells)
    {
        var width = cells.Length;
        for (var c = 0; c < width; c++)
        {
            cells[c] += lanes[c] + lanes[width + c] + lanes[(2 * width) + c] + lanes[(3 * width) + c];
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
