using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

/// <summary>
/// The ROC kernel against the plain algorithm it replaced: sort (score, label) pairs, walk the distinct thresholds
/// from the top, trapezoids in between. The kernel sorts differently (radix keys, labels apart); every point and the
/// area must come out bit for bit the same, ties, signed zeros, infinities and NaN included.
/// </summary>
public sealed class RocCurveReferenceTests
{
    private const int Seeds = 60;

    public sealed class Compute
    {
        [Fact]
        public void Should_equal_the_reference_walk_bit_for_bit_on_seeded_data()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given scores drawn from few or many distinct values, of both signs, with labels
                var (scores, truth) = Sample(seed);

                // When the curve is computed
                var curve = RocCurve.Compute(scores, truth);

                // Then it equals the reference, and the area alone equals the curve's
                AssertSame(Reference(scores, truth), curve, $"seed {seed}");
                Assert.True(Equals(curve.Area, ScoreMetrics.RocAuc(scores, truth)), $"seed {seed}: RocAuc differs from the curve's area");
            }
        }

        [Theory]
        [InlineData(new double[0], new bool[0])]
        [InlineData(new[] { 0.3 }, new[] { true })]
        [InlineData(new[] { 0.3, 0.3, 0.3 }, new[] { true, false, true })]
        [InlineData(new[] { 0.0, -0.0, 0.0, -0.0, 1.0 }, new[] { true, false, false, true, true })]
        [InlineData(new[] { double.NaN, 0.5, double.NaN, 0.2, double.NaN }, new[] { true, false, false, true, true })]
        [InlineData(new[] { double.NaN, double.NaN }, new[] { true, false })]
        [InlineData(new[] { double.NegativeInfinity, double.PositiveInfinity, 0.5, double.MaxValue, -double.Epsilon }, new[] { false, true, false, true, false })]
        public void Should_equal_the_reference_walk_on_edge_cases(double[] scores, bool[] truth)
        {
            // Given an edge case (empty, one class, all tied, signed zeros, NaN, infinities)
            // When the curve is computed
            var curve = RocCurve.Compute(scores, truth);

            // Then it equals the reference
            AssertSame(Reference(scores, truth), curve, string.Join(", ", scores));
        }

        [Fact]
        public void Should_sort_a_wide_range_of_many_scores_exactly()
        {
            // Given 200,000 scores spread over many binades (buckets of very different sizes), with some ties
            var random = new SeededRandom(7);
            var scores = new double[200_000];
            var truth = new bool[scores.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = i % 10 == 0 ? 0.25 : Math.Pow(10, -12 * random.NextDouble()) * (random.NextDouble() < 0.1 ? -1 : 1);
                truth[i] = random.NextDouble() < 0.3;
            }

            // When the curve is computed
            // Then it equals the reference
            AssertSame(Reference(scores, truth), RocCurve.Compute(scores, truth), "wide range");
        }

        [Fact]
        public void Should_reject_labels_of_another_length()
        {
            // Given two scores and one label
            // When the curve is computed
            // Then the mismatch is an argument error
            Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.1, 0.2], [true]));
        }
    }

    public sealed class ComputeThinned
    {
        [Fact]
        public void Should_keep_every_step_th_point_and_the_last_with_the_same_area()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given seeded scores and a plot budget of 1 to 300 points
                var (scores, truth) = Sample(seed);
                var budget = 1 + (int)(seed * 7 % 300);

                // When the thinned curve is computed
                var thinned = RocCurve.ComputeThinned(scores, truth, budget);

                // Then it is the full curve's points at multiples of max(1, points / budget), plus the last
                var full = RocCurve.Compute(scores, truth);
                var step = Math.Max(1, full.Thresholds.Length / budget);
                int[] kept = [.. Enumerable.Range(0, full.Thresholds.Length).Where(i => i % step == 0 || i == full.Thresholds.Length - 1)];
                AssertSame(
                    new RocCurve([.. kept.Select(i => full.FalsePositiveRates[i])], [.. kept.Select(i => full.TruePositiveRates[i])], [.. kept.Select(i => full.Thresholds[i])], full.Area),
                    thinned,
                    $"seed {seed}, budget {budget}");
            }
        }
    }

    private static (double[] Scores, bool[] Truth) Sample(ulong seed)
    {
        var random = new SeededRandom(seed);
        var rows = 1 + random.NextInt(seed % 3 == 0 ? 5000 : 300);
        var distinct = 1 + random.NextInt(seed % 2 == 0 ? 8 : 100_000);
        var scores = new double[rows];
        var truth = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var level = random.NextInt(distinct);
            scores[i] = seed % 5 == 0 ? (level - (distinct / 2)) * 1e-3 : level / (double)distinct;
            truth[i] = random.NextDouble() < 0.2 + (0.6 * level / distinct);
        }

        return (scores, truth);
    }

    /// <summary>The plain algorithm: Array.Sort on (score, label) pairs, then one walk with growing lists.</summary>
    private static RocCurve Reference(double[] scores, bool[] truth)
    {
        var order = (double[])scores.Clone();
        var labels = (bool[])truth.Clone();
        Array.Sort(order, labels);
        var positives = labels.LongCount(t => t);
        var negatives = labels.Length - positives;
        List<double> fpr = [0], tpr = [0], thresholds = [double.PositiveInfinity];
        long tp = 0, fp = 0, previousTp = 0, previousFp = 0;
        double area = 0;
        for (var i = order.Length - 1; i >= 0; i--)
        {
            tp += labels[i] ? 1 : 0;
            fp += labels[i] ? 0 : 1;
            if (i > 0 && order[i - 1] == order[i])
            {
                continue;
            }

            area += (fp - previousFp) * (double)(tp + previousTp) / 2;
            previousTp = tp;
            previousFp = fp;
            fpr.Add(negatives == 0 ? double.NaN : (double)fp / negatives);
            tpr.Add(positives == 0 ? double.NaN : (double)tp / positives);
            thresholds.Add(order[i]);
        }

        return new RocCurve([.. fpr], [.. tpr], [.. thresholds], positives == 0 || negatives == 0 ? null : area / ((double)positives * negatives));
    }

    private static void AssertSame(RocCurve expected, RocCurve actual, string because)
    {
        Assert.True(Equals(expected.Area, actual.Area), $"{because}: area {actual.Area}, expected {expected.Area}");
        Same(expected.FalsePositiveRates, actual.FalsePositiveRates, "fpr");
        Same(expected.TruePositiveRates, actual.TruePositiveRates, "tpr");
        Same(expected.Thresholds, actual.Thresholds, "thresholds");

        void Same(double[] wanted, double[] got, string name)
        {
            Assert.True(wanted.Length == got.Length, $"{because}: {name} has {got.Length} points, expected {wanted.Length}");
            for (var i = 0; i < wanted.Length; i++)
            {
                // Equals: NaN equals NaN, and -0.0 equals 0.0 (a tie of signed zeros may report either).
                Assert.True(wanted[i].Equals(got[i]), $"{because}: {name}[{i}] = {got[i]:R}, expected {wanted[i]:R}");
            }
        }
    }
}
