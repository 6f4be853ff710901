using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class PercentileIntervalTests
{
    public sealed class Quantile
    {
        [Theory]
        [InlineData(new[] { 1.0, 2, 3, 4 }, 0.25, 1.75)]
        [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
        [InlineData(new[] { 1.0, 2, 3, 4 }, 0.75, 3.25)]
        [InlineData(new[] { 1.0, 2, 3, 4 }, 0.0, 1.0)]
        [InlineData(new[] { 1.0, 2, 3, 4 }, 1.0, 4.0)]
        [InlineData(new[] { 1.0, 2, 3, 4, 7, 10 }, 0.5, 3.5)]
        [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9.1)]
        [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.025, 1.225)]
        [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.975, 9.775)]
        [InlineData(new[] { 5.0 }, 0.3, 5.0)]
        [InlineData(new[] { -2.0, 0, 0, 8 }, 0.6, 0.0)]
        public void Should_interpolate_linearly_as_numpy_does(double[] sorted, double q, double expected)
        {
            // Given a sorted array
            // When its q-quantile is taken
            // Then it is numpy.quantile's default (linear): sorted[floor(h)] + (h - floor(h)) x gap, h = q (n - 1)
            Approx.Equal(expected, PercentileInterval.Quantile(sorted, q), 1e-12, $"quantile {q} of [{string.Join(", ", sorted)}]");
        }
    }

    public sealed class Compute
    {
        [Fact]
        public void Should_cut_both_tails_of_unsorted_replicates()
        {
            // Given the replicates 4, 1, 3, 2 unsorted
            double[] replicates = [4, 1, 3, 2];

            // When the 50% interval is computed
            var interval = PercentileInterval.Compute(replicates, 0.5);

            // Then it runs from the 25% to the 75% quantile
            Assert.True(interval == (1.75, 3.25), $"interval {interval}, expected (1.75, 3.25)");
        }

        [Fact]
        public void Should_drop_nan_replicates()
        {
            // Given replicates with undefined values among them
            double[] replicates = [double.NaN, 4, 1, double.NaN, 3, 2];

            // When the 50% interval is computed
            var interval = PercentileInterval.Compute(replicates, 0.5);

            // Then only the defined ones count
            Assert.True(interval == (1.75, 3.25), $"interval {interval}, expected (1.75, 3.25)");
        }

        [Fact]
        public void Should_be_null_when_no_replicate_is_defined()
        {
            // Given only undefined replicates, and none
            // When intervals are computed
            // Then there are none
            Assert.True(PercentileInterval.Compute([double.NaN, double.NaN], 0.95) is null, "all-NaN replicates");
            Assert.True(PercentileInterval.Compute([], 0.95) is null, "no replicates");
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(-0.5)]
        [InlineData(95.0)]
        public void Should_refuse_a_confidence_outside_zero_to_one(double confidence)
        {
            // Given a confidence that is not a probability strictly between 0 and 1
            // When an interval is asked for
            // Then it fails naming the confidence
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => PercentileInterval.Compute([1.0, 2.0], confidence));
            Assert.Contains("Confidence must lie in (0, 1)", error.Message, StringComparison.Ordinal);
        }
    }
}
