using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class ConfusionCountsDefinitionTests
{
    private static readonly Gen<ConfusionCounts> Counts =
        from cells in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 10_000))), 4)
        select new ConfusionCounts(cells[0], cells[1], cells[2], cells[3]);

    public sealed class F1
    {
        [Fact]
        public void Should_be_the_harmonic_mean_of_precision_and_recall()
        {
            PropertyRunner.Hold(Counts, counts =>
            {
                // Given random confusion counts, some cells empty
                // When F1 is read
                var f1 = counts.F1;

                // Then it is 2PR / (P + R) where that is defined, 0 when P + R = 0 with TP = 0, and null without positives of either kind
                if (counts.Precision is { } p && counts.Tpr is { } r)
                {
                    Approx.Equal(p + r == 0 ? 0 : 2 * p * r / (p + r), f1, 1e-12, $"F1 of {counts}");
                }
                else if (counts.Tp + counts.Fp + counts.Fn == 0)
                {
                    Assert.True(f1 is null, $"F1 of {counts}: {f1}, expected none (no positives at all)");
                }
                else
                {
                    Approx.Equal(0, f1, 0, $"F1 of {counts} with precision or recall undefined and TP = 0");
                }
            });
        }
    }

    public sealed class Rates
    {
        [Fact]
        public void Should_follow_their_definitions_and_be_null_on_a_zero_denominator()
        {
            PropertyRunner.Hold(Counts, c =>
            {
                // Given random confusion counts
                // When the rates are read
                // Then each is its numerator over its denominator, or null when the denominator is 0
                static double? Ratio(long n, long d) => d == 0 ? null : (double)n / d;
                Approx.Equal(Ratio(c.Tp + c.Fp, c.Count), c.SelectionRate, 0, $"selection rate of {c}");
                Approx.Equal(Ratio(c.Tp + c.Tn, c.Count), c.Accuracy, 0, $"accuracy of {c}");
                Approx.Equal(Ratio(c.Tp, c.Tp + c.Fn), c.Tpr, 0, $"TPR of {c}");
                Approx.Equal(Ratio(c.Fp, c.Fp + c.Tn), c.Fpr, 0, $"FPR of {c}");
                Approx.Equal(Ratio(c.Fn, c.Tp + c.Fn), c.Fnr, 0, $"FNR of {c}");
                Approx.Equal(Ratio(c.Tn, c.Tn + c.Fp), c.Tnr, 0, $"TNR of {c}");
                Approx.Equal(Ratio(c.Tp, c.Tp + c.Fp), c.Precision, 0, $"precision of {c}");
                Approx.Equal(Ratio(c.Tp + c.Fn, c.Count), c.BaseRate, 0, $"base rate of {c}");
                if (c.Tpr is { } tpr && c.Fnr is { } fnr)
                {
                    Approx.Equal(1, tpr + fnr, 1e-15, $"TPR + FNR of {c}");
                }
            });
        }
    }

    public sealed class Cell
    {
        [Fact]
        public void Should_index_cells_as_two_times_truth_plus_prediction()
        {
            // Given the four (truth, prediction) pairs
            // When their cell index is taken
            // Then TN, FP, FN, TP are 0, 1, 2, 3, matching FromCells
            Assert.True(ConfusionCounts.Cell(false, false) == 0, "TN is cell 0");
            Assert.True(ConfusionCounts.Cell(false, true) == 1, "FP is cell 1");
            Assert.True(ConfusionCounts.Cell(true, false) == 2, "FN is cell 2");
            Assert.True(ConfusionCounts.Cell(true, true) == 3, "TP is cell 3");
            Assert.Equal(new ConfusionCounts(1, 2, 3, 4), ConfusionCounts.FromCells([1, 2, 3, 4]));
        }
    }

    public sealed class Addition
    {
        [Fact]
        public void Should_add_cell_by_cell()
        {
            PropertyRunner.Hold(Counts.SelectMany(_ => Counts, (a, b) => (a, b)), pair =>
            {
                // Given two random confusion counts
                var (a, b) = pair;

                // When they are added
                var sum = a + b;

                // Then every cell and the total add up
                Assert.True(sum == new ConfusionCounts(a.Tn + b.Tn, a.Fp + b.Fp, a.Fn + b.Fn, a.Tp + b.Tp), $"{a} + {b} = {sum}");
                Assert.True(sum.Count == a.Count + b.Count, $"count of {sum}");
            });
        }
    }
}
