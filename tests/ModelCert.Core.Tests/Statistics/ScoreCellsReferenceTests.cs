using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

/// <summary>
/// The score cells against their definition: sort the rows by score, negatives first within a tie, then one dictionary
/// of open cells per tie, every row added on its own. The kernel sorts label-split radix keys and adds runs of equal
/// rows at once; every cell, sum and order must come out bit for bit the same, exact and binned.
/// </summary>
public sealed class ScoreCellsReferenceTests
{
    private const int EceBins = 10;

    public sealed class Build
    {
        [Theory]
        [InlineData(1UL, 400, 6)]
        [InlineData(2UL, 3000, 0)]
        [InlineData(3UL, 5000, 40)]
        [InlineData(4UL, 30_000, 0)]
        [InlineData(5UL, 30_000, 25_000)]
        [InlineData(6UL, 50_000, 3)]
        public void Should_equal_the_reference_cells_bit_for_bit(ulong seed, int rows, int levels)
        {
            // Given rows on a few score levels (ties of both labels), many, or continuous scores (0 levels)
            var (scores, truth) = Sample(seed, rows, levels);

            // When cells are built with a small exact limit (so both modes run) and the real one
            foreach (var limit in new[] { 50, ScoreBootstrap.MaxExactCells })
            {
                var cells = ScoreCells.Build(scores, truth, limit, 64, EceBins);

                // Then they equal the reference
                var reference = Reference(scores, truth, limit, 64);
                var because = $"seed {seed}, {rows} rows, {levels} levels, limit {limit}";
                Assert.True(reference.Binned == cells.Binned, $"{because}: binned {cells.Binned}, expected {reference.Binned}");
                Same(reference.Counts, cells.Counts, $"{because}: counts");
                Same(reference.MeanScore, cells.MeanScore, $"{because}: mean score");
                Same(reference.MeanLogLoss, cells.MeanLogLoss, $"{because}: mean log loss");
                Same(reference.MeanSquaredError, cells.MeanSquaredError, $"{because}: mean squared error");
                Same(reference.Positive, cells.Positive, $"{because}: labels");
                Same(reference.Order, cells.Order, $"{because}: tie groups");
                Same(reference.EceBin, cells.EceBin, $"{because}: ECE bins");
            }
        }
    }

    private static void Same<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string because)
    {
        Assert.True(expected.Count == actual.Count, $"{because}: {actual.Count} cells, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(EqualityComparer<T>.Default.Equals(expected[i], actual[i]), $"{because}: cell {i} is {actual[i]}, expected {expected[i]}");
        }
    }

    private static (double[] Scores, bool[] Truth) Sample(ulong seed, int rows, int levels)
    {
        var random = new SeededRandom(seed);
        var scores = new double[rows];
        var truth = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            scores[i] = levels == 0 ? random.NextDouble() : (random.NextInt(levels) + 0.5) / levels;
            truth[i] = random.NextDouble() < 0.2 + (0.6 * scores[i]);
        }

        return (scores, truth);
    }

    private sealed record Cells(
        long[] Counts, double[] MeanScore, double[] MeanLogLoss, double[] MeanSquaredError, bool[] Positive, int[] Order, int[] EceBin, bool Binned);

    /// <summary>The plain algorithm: sort rows by (score, negatives first), count distinct pairs, one dictionary per tie.</summary>
    private static Cells Reference(double[] scores, bool[] truth, int maxExactCells, int fineBins)
    {
        var rows = Enumerable.Range(0, scores.Length).OrderBy(r => scores[r]).ThenBy(r => truth[r]).ToArray();
        var distinct = rows.Where((r, i) => i == 0 || scores[r] != scores[rows[i - 1]] || truth[r] != truth[rows[i - 1]]).Count();
        var binned = distinct > maxExactCells;
        var low = scores[rows[0]];
        var width = (scores[rows[^1]] - low) / fineBins;
        var cells = new List<(long Count, double Score, double LogLoss, double Squared, bool Positive, int Group, int Bin)>();
        var open = new Dictionary<(int Bin, bool Label), int>();
        var key = double.NaN;
        var group = -1;
        foreach (var row in rows)
        {
            var score = scores[row];
            var rowKey = !binned ? score : width == 0 ? 0 : Math.Min(fineBins - 1, Math.Floor((score - low) / width));
            if (rowKey != key)
            {
                (key, group) = (rowKey, group + 1);
                open.Clear();
            }

            var bin = ScoreMetrics.CalibrationBin(score, EceBins);
            if (!open.TryGetValue((bin, truth[row]), out var index))
            {
                index = cells.Count;
                cells.Add((0, 0, 0, 0, truth[row], group, bin));
                open.Add((bin, truth[row]), index);
            }

            var t = truth[row] ? 1.0 : 0.0;
            var c = cells[index];
            cells[index] = (c.Count + 1, c.Score + score, c.LogLoss + ScoreMetrics.RowLogLoss(score, truth[row]), c.Squared + ((score - t) * (score - t)), c.Positive, c.Group, c.Bin);
        }

        return new Cells(
            [.. cells.Select(c => c.Count)],
            [.. cells.Select(c => c.Score / c.Count)],
            [.. cells.Select(c => c.LogLoss / c.Count)],
            [.. cells.Select(c => c.Squared / c.Count)],
            [.. cells.Select(c => c.Positive)],
            [.. cells.Select(c => c.Group)],
            [.. cells.Select(c => c.Bin)],
            binned);
    }
}
