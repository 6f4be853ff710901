using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class ScoreMetricsDefinitionTests
{
    private const double Epsilon = 2.220446049250313e-16;

    public sealed class LogLoss
    {
        [Fact]
        public void Should_match_the_direct_formula_with_clipping()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores, with exact 0 and 1 among them
                // When log loss is computed
                var actual = ScoreMetrics.LogLoss(rows.Scores, rows.Truth);

                // Then it is the mean of -log(p) for positives and -log(1 - p) for negatives, p clipped to [eps, 1 - eps]
                var expected = rows.Scores.Zip(rows.Truth, (s, t) =>
                {
                    var p = Math.Min(Math.Max(s, Epsilon), 1 - Epsilon);
                    return t ? -Math.Log(p) : -Math.Log(1 - p);
                }).Average();
                Approx.Equal(expected, actual, 1e-12, "log loss against the direct formula");
            });
        }

        [Fact]
        public void Should_give_scikit_learns_value_for_its_documented_example()
        {
            // Given scikit-learn's log_loss example: y = [1, 0, 0, 1], p = [0.9, 0.1, 0.2, 0.65]
            // When log loss is computed
            var actual = ScoreMetrics.LogLoss([0.9, 0.1, 0.2, 0.65], [true, false, false, true]);

            // Then it is 0.21616...
            Approx.Equal(-(Math.Log(0.9) + Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.65)) / 4, actual, 1e-15, "log loss");
            Approx.Equal(0.216161, actual, 1e-6, "log loss to six places");
        }

        [Fact]
        public void Should_stay_finite_for_confidently_wrong_scores()
        {
            // Given a positive scored 0 and a negative scored 1
            // When log loss is computed
            var actual = ScoreMetrics.LogLoss([0.0, 1.0], [true, false]);

            // Then clipping at float64 epsilon gives -log(eps) = 36.04 per row, not infinity
            Approx.Equal(-Math.Log(Epsilon), actual, 1e-12, "clipped log loss");
        }

        [Fact]
        public void Should_be_nan_without_rows()
        {
            // Given no rows
            // When log loss is computed
            // Then it is undefined
            Assert.True(double.IsNaN(ScoreMetrics.LogLoss([], [])), "log loss of no rows");
        }
    }

    public sealed class Brier
    {
        [Fact]
        public void Should_match_the_mean_squared_difference()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores
                // When the Brier score is computed
                var actual = ScoreMetrics.Brier(rows.Scores, rows.Truth);

                // Then it is the mean of (score - label)^2
                var expected = rows.Scores.Zip(rows.Truth, (s, t) => Math.Pow(s - (t ? 1 : 0), 2)).Average();
                Approx.Equal(expected, actual, 1e-12, "Brier against the direct formula");
            });
        }

        [Fact]
        public void Should_give_scikit_learns_value_for_its_documented_example()
        {
            // Given scikit-learn's brier_score_loss example: y = [0, 1, 1, 0], p = [0.1, 0.9, 0.8, 0.3]
            // When the Brier score is computed
            var actual = ScoreMetrics.Brier([0.1, 0.9, 0.8, 0.3], [false, true, true, false]);

            // Then it is 0.0375
            Approx.Equal(0.0375, actual, 1e-15, "Brier score");
        }
    }

    public sealed class Ece
    {
        [Fact]
        public void Should_match_a_direct_loop_over_ten_bins()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores, many on bin edges
                // When the expected calibration error is computed with 10 bins
                var actual = ScoreMetrics.Ece(rows.Scores, rows.Truth, 10);

                // Then it is the sum over bins [b/10, (b+1)/10) (the last closed) of share x |mean score - positive rate|
                var expected = 0.0;
                for (var b = 0; b < 10; b++)
                {
                    var inBin = Enumerable.Range(0, rows.Scores.Length)
                        .Where(i => rows.Scores[i] >= b / 10.0 && (rows.Scores[i] < (b + 1) / 10.0 || (b == 9 && rows.Scores[i] <= 1)))
                        .ToList();
                    if (inBin.Count > 0)
                    {
                        var meanScore = inBin.Average(i => rows.Scores[i]);
                        var positiveRate = inBin.Average(i => rows.Truth[i] ? 1.0 : 0.0);
                        expected += (double)inBin.Count / rows.Scores.Length * Math.Abs(meanScore - positiveRate);
                    }
                }

                Approx.Equal(expected, actual, 1e-12, "ECE against a direct loop");
            });
        }

        [Fact]
        public void Should_be_zero_when_each_bin_is_calibrated()
        {
            // Given scores of 0.25 with one positive in four, and 0.75 with three in four
            double[] scores = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
            bool[] truth = [true, false, false, false, true, true, true, false];

            // When the ECE is computed
            // Then it is 0
            Approx.Equal(0, ScoreMetrics.Ece(scores, truth), 1e-15, "calibrated ECE");
        }
    }

    public sealed class CalibrationBin
    {
        [Theory]
        [InlineData(0.0, 0)]
        [InlineData(0.05, 0)]
        [InlineData(0.1, 1)]
        [InlineData(0.3, 3)]
        [InlineData(0.7, 7)]
        [InlineData(0.99, 9)]
        [InlineData(1.0, 9)]
        [InlineData(-0.5, 0)]
        [InlineData(1.5, 9)]
        public void Should_close_bins_on_the_left_and_put_one_in_the_last(double score, int bin)
        {
            // Given a score
            // When its bin of ten is taken
            // Then it is the bin whose left edge it reaches; 1 and above go to the last bin, below 0 to the first
            Assert.True(ScoreMetrics.CalibrationBin(score, 10) == bin, $"score {score}: bin {ScoreMetrics.CalibrationBin(score, 10)}, expected {bin}");
        }

        [Theory]
        [InlineData(3e8, 9)]
        [InlineData(1e10, 9)]
        [InlineData(-1e10, 0)]
        [InlineData(double.PositiveInfinity, 9)]
        [InlineData(double.NegativeInfinity, 0)]
        public void Should_clamp_scores_far_outside_zero_to_one_into_the_end_bins(double score, int bin)
        {
            // Given a score far outside [0, 1] (a raw margin passed as a score, say)
            // When its bin of ten is taken
            // Then it is clamped into an end bin, as documented, rather than overflowing
            Assert.True(ScoreMetrics.CalibrationBin(score, 10) == bin, $"score {score}: expected bin {bin}");
        }

        [Fact]
        public void Should_put_every_left_edge_in_its_own_bin_for_any_bin_count()
        {
            // Given every bin count from 1 to 200 and each bin's left edge k / bins
            for (var bins = 1; bins <= 200; bins++)
            {
                for (var k = 0; k < bins; k++)
                {
                    // When the edge's bin is taken
                    // Then it is bin k, the bin the edge closes on the left
                    var edge = k / (double)bins;
                    Assert.True(ScoreMetrics.CalibrationBin(edge, bins) == k, $"{bins} bins: edge {edge:R} fell in bin {ScoreMetrics.CalibrationBin(edge, bins)}, expected {k}");
                }
            }
        }
    }
}
