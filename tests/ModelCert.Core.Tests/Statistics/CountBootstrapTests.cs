using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class CountBootstrapTests
{
    public sealed class Resample
    {
        [Fact]
        public void Should_refuse_cells_that_do_not_come_in_fours()
        {
            // Given six cells
            // When they are resampled
            // Then it fails naming the layout
            var error = Assert.Throws<ArgumentException>(() => CountBootstrap.Resample(new long[6], 10, 1));
            Assert.Contains("Cells come in fours", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_draw_each_groups_rates_around_their_observed_value()
        {
            // Given one group of 1,000 rows: 600 TN, 100 FP, 50 FN, 250 TP
            long[] cells = [600, 100, 50, 250];

            // When it is resampled 4,000 times
            var replicates = CountBootstrap.Resample(cells, 4000, 3);

            // Then the mean resampled TPR is the observed 250 / 300 and its spread the binomial one (conditional on the positives drawn)
            var tprs = Enumerable.Range(0, 4000).Select(r => ConfusionCounts.FromCells(replicates.AsSpan(r * 4, 4)).Tpr!.Value).ToArray();
            var mean = tprs.Average();
            var sd = Math.Sqrt(tprs.Sum(t => (t - mean) * (t - mean)) / (tprs.Length - 1));
            Approx.Equal(250.0 / 300, mean, 0.003, "mean resampled TPR");
            Approx.Equal(Math.Sqrt(250.0 / 300 * (50.0 / 300) / 300), sd, 0.003, "spread of the resampled TPR");
        }
    }

    public sealed class Interval
    {
        [Fact]
        public void Should_be_null_without_a_point_or_replicates()
        {
            // Given replicates of one group
            var replicates = CountBootstrap.Resample([5, 5, 5, 5], 50, 1);

            // When an interval is asked for with no point estimate, or with no replicates
            // Then there is none
            Assert.True(CountBootstrap.Interval(replicates, 4, c => ConfusionCounts.FromCells(c).Tpr, null, 0.95) is null, "no point, no interval");
            Assert.True(CountBootstrap.Interval([], 4, c => ConfusionCounts.FromCells(c).Tpr, 0.5, 0.95) is null, "no replicates, no interval");
        }

        [Fact]
        public void Should_drop_replicates_where_the_metric_is_undefined()
        {
            // Given a group with a single positive row, so some replicates draw no positive and have no TPR
            long[] cells = [10, 0, 0, 1];
            var replicates = CountBootstrap.Resample(cells, 400, 9);
            var undefined = Enumerable.Range(0, 400).Count(r => ConfusionCounts.FromCells(replicates.AsSpan(r * 4, 4)).Tpr is null);

            // When the TPR interval is computed
            var interval = CountBootstrap.Interval(replicates, 4, c => ConfusionCounts.FromCells(c).Tpr, 1.0, 0.95);

            // Then it comes from the defined replicates alone (all 1), not from NaNs
            Assert.True(undefined > 0, "some replicates should have drawn no positive");
            Assert.True(interval == (1.0, 1.0), $"TPR interval {interval}, expected (1, 1)");
        }
    }

    public sealed class Contain
    {
        [Theory]
        [InlineData(0.2, 0.4, 0.3, 0.2, 0.4)]
        [InlineData(0.2, 0.4, 0.1, 0.1, 0.4)]
        [InlineData(0.2, 0.4, 0.5, 0.2, 0.5)]
        [InlineData(0.2, 0.4, 0.4, 0.2, 0.4)]
        public void Should_widen_an_interval_to_reach_its_point(double low, double high, double point, double expectedLow, double expectedHigh)
        {
            // Given an interval and a point estimate
            // When the interval is made to contain it
            // Then it grows on the point's side only as far as the point, and never shrinks
            var contained = CountBootstrap.Contain((low, high), point);
            Assert.True(contained == (expectedLow, expectedHigh), $"[{low}, {high}] with {point}: {contained}, expected ({expectedLow}, {expectedHigh})");
        }

        [Fact]
        public void Should_keep_a_missing_interval_missing()
        {
            // Given no interval
            // When it is made to contain a point
            // Then there is still none
            Assert.True(CountBootstrap.Contain(null, 0.5) is null, "no interval stays none");
        }
    }
}
