using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class ScoreBootstrapTests
{
    private static ScoreMetricsResult Point(double[] scores, bool[] truth) =>
        new(ScoreMetrics.RocAuc(scores, truth), ScoreMetrics.LogLoss(scores, truth), ScoreMetrics.Brier(scores, truth), ScoreMetrics.Ece(scores, truth, 10));

    private static ScoreBootstrap Bootstrap(double[] scores, bool[] truth, int replicates = 500, ulong seed = 11) =>
        ScoreBootstrap.Run(scores, truth, Point(scores, truth), 10, new BootstrapOptions { Replicates = replicates, Seed = seed });

    /// <summary>Rows whose label is positive with probability near their score: scores on <paramref name="levels"/> levels, or continuous when 0.</summary>
    private static (double[] Scores, bool[] Truth) Calibrated(int rows, int levels, ulong seed)
    {
        var random = new SeededRandom(seed);
        var scores = new double[rows];
        var truth = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            scores[i] = levels == 0 ? random.NextDouble() : (random.NextInt(levels) + 0.5) / levels;
            truth[i] = random.NextDouble() < (0.2 + (0.6 * scores[i]));
        }

        return (scores, truth);
    }

    /// <summary>The plain row bootstrap: draw n rows with replacement, compute each metric directly, take percentiles.</summary>
    private static Dictionary<ScoreMetricKind, (double Low, double High)> RowBootstrap(double[] scores, bool[] truth, int replicates, ulong seed)
    {
        var random = new SeededRandom(seed);
        var kinds = Enum.GetValues<ScoreMetricKind>();
        var values = kinds.ToDictionary(k => k, _ => new double[replicates]);
        var s = new double[scores.Length];
        var t = new bool[scores.Length];
        for (var r = 0; r < replicates; r++)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var row = random.NextInt(scores.Length);
                s[i] = scores[row];
                t[i] = truth[row];
            }

            var point = Point(s, t);
            foreach (var kind in kinds)
            {
                values[kind][r] = ScoreBootstrap.Select(point, kind) ?? double.NaN;
            }
        }

        return kinds.ToDictionary(k => k, k => PercentileInterval.Compute(values[k], 0.95)!.Value);
    }

    private static void SimilarTo((double Low, double High) reference, (double Low, double High)? actual, string because)
    {
        Assert.True(actual is not null, $"{because}: no interval");
        var (low, high) = actual!.Value;
        var width = reference.High - reference.Low;
        Assert.True(Math.Abs((high - low) - width) <= 0.3 * width, $"{because}: width {high - low}, row bootstrap {width} (30% apart at most)");
        Assert.True(Math.Abs(((low + high) / 2) - ((reference.Low + reference.High) / 2)) <= 0.3 * width, $"{because}: centre {(low + high) / 2}, row bootstrap {(reference.Low + reference.High) / 2}");
    }

    public sealed class Run
    {
        [Fact]
        public void Should_resample_exact_cells_like_a_row_bootstrap_when_scores_repeat()
        {
            // Given 400 rows on 6 score levels
            var (scores, truth) = Calibrated(400, 6, 1);

            // When the cell bootstrap and a plain row bootstrap run 2,000 replicates each
            var bootstrap = Bootstrap(scores, truth, replicates: 2000);

            // Then the cell bootstrap is exact, and each metric's 95% interval is about as wide and placed as the row bootstrap's
            Assert.False(bootstrap.Binned, "12 distinct cells should be resampled exactly");
            foreach (var (kind, reference) in RowBootstrap(scores, truth, 2000, 99))
            {
                SimilarTo(reference, bootstrap.Interval(kind, 0.95), $"{kind}");
            }
        }

        [Fact]
        public void Should_bin_scores_beyond_the_exact_cell_limit_and_keep_the_exact_point_inside()
        {
            // Given 21,000 rows of continuous scores, so more distinct (score, label) cells than the exact limit
            var (scores, truth) = Calibrated(21_000, 0, 2);
            var point = Point(scores, truth);

            // When the bootstrap runs
            var bootstrap = Bootstrap(scores, truth, replicates: 400);

            // Then it bins, each interval contains the exact point estimate and is as wide as a row bootstrap's
            Assert.True(bootstrap.Binned, $"{scores.Length} distinct scores are above {ScoreBootstrap.MaxExactCells} cells");
            foreach (var (kind, reference) in RowBootstrap(scores, truth, 400, 98))
            {
                Approx.Contains(bootstrap.Interval(kind, 0.95), ScoreBootstrap.Select(point, kind), $"binned {kind}");
                SimilarTo(reference, bootstrap.Interval(kind, 0.95), $"binned {kind}");
            }
        }

        [Fact]
        public void Should_stay_exact_up_to_the_cell_limit_and_bin_one_cell_past_it()
        {
            // Given MaxExactCells rows with distinct scores, and one more
            static double[] Distinct(int rows) => [.. Enumerable.Range(0, rows).Select(i => (i + 0.5) / rows)];
            var atLimit = Distinct(ScoreBootstrap.MaxExactCells);
            var pastLimit = Distinct(ScoreBootstrap.MaxExactCells + 1);

            // When each is bootstrapped
            // Then the first is resampled exactly and the second in bins
            Assert.False(Bootstrap(atLimit, [.. atLimit.Select(s => s > 0.5)], replicates: 2).Binned, $"{atLimit.Length} cells are within the limit");
            Assert.True(Bootstrap(pastLimit, [.. pastLimit.Select(s => s > 0.5)], replicates: 2).Binned, $"{pastLimit.Length} cells are past the limit");
        }

        [Fact]
        public void Should_count_cells_by_score_and_label_whatever_the_row_order_within_a_tie()
        {
            // Given 10,000 distinct scores, each on four rows labelled +, -, +, -: 20,000 (score, label) cells, the limit
            var rows = 4 * (ScoreBootstrap.MaxExactCells / 2);
            double[] scores = [.. Enumerable.Range(0, rows).Select(i => (i / 4) / (double)(rows / 4))];
            bool[] truth = [.. Enumerable.Range(0, rows).Select(i => i % 2 == 0)];

            // When they are bootstrapped
            var bootstrap = Bootstrap(scores, truth, replicates: 2);

            // Then the cells are resampled exactly: a cell is a (score, label) pair, not a run of equal labels
            Assert.False(bootstrap.Binned, $"{ScoreBootstrap.MaxExactCells} (score, label) cells are within the limit");
        }

        [Fact]
        public void Should_give_the_same_intervals_for_the_rows_in_another_order()
        {
            // Given 300 rows on 5 score levels, and the same rows reversed and shuffled
            var (scores, truth) = Calibrated(300, 5, 4);
            var order = Enumerable.Range(0, scores.Length).Reverse().ToArray();
            var shuffled = new SeededRandom(5);
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = shuffled.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            // When both are bootstrapped with one seed
            var original = Bootstrap(scores, truth);
            var reordered = Bootstrap([.. order.Select(r => scores[r])], [.. order.Select(r => truth[r])]);

            // Then the intervals agree: the result may not depend on how the file happened to be sorted
            foreach (var kind in Enum.GetValues<ScoreMetricKind>())
            {
                var a = original.Interval(kind, 0.95)!.Value;
                var b = reordered.Interval(kind, 0.95)!.Value;
                Approx.Equal(a.Low, b.Low, 1e-12, $"{kind} low end");
                Approx.Equal(a.High, b.High, 1e-12, $"{kind} high end");
            }
        }

        [Fact]
        public void Should_repeat_its_intervals_for_a_seed()
        {
            // Given 300 rows on 5 score levels
            var (scores, truth) = Calibrated(300, 5, 3);

            // When the bootstrap runs twice with seed 11 and once with seed 12
            var first = Bootstrap(scores, truth, seed: 11);
            var second = Bootstrap(scores, truth, seed: 11);
            var other = Bootstrap(scores, truth, seed: 12);

            // Then the same seed gives the same intervals, and another seed other ones
            foreach (var kind in Enum.GetValues<ScoreMetricKind>())
            {
                Assert.True(first.Interval(kind, 0.95) == second.Interval(kind, 0.95), $"{kind}: {first.Interval(kind, 0.95)} then {second.Interval(kind, 0.95)}");
                Assert.True(first.Interval(kind, 0.95) != other.Interval(kind, 0.95), $"{kind}: seeds 11 and 12 gave the same interval");
            }
        }

        [Fact]
        public void Should_leave_the_auc_interval_out_with_one_class_only()
        {
            // Given only positive rows
            double[] scores = [0.2, 0.4, 0.4, 0.9];
            bool[] truth = [true, true, true, true];

            // When they are bootstrapped
            var bootstrap = Bootstrap(scores, truth);

            // Then ROC AUC has no interval, while the other metrics have one around their point
            Assert.True(bootstrap.Interval(ScoreMetricKind.RocAuc, 0.95) is null, "AUC is undefined with one class");
            foreach (var kind in new[] { ScoreMetricKind.LogLoss, ScoreMetricKind.Brier, ScoreMetricKind.Ece })
            {
                Approx.Contains(bootstrap.Interval(kind, 0.95), ScoreBootstrap.Select(Point(scores, truth), kind), $"{kind} with one class");
            }
        }
    }
}
