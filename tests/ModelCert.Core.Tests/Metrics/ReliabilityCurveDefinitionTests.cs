using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class ReliabilityCurveDefinitionTests
{
    public sealed class Compute
    {
        [Fact]
        public void Should_describe_each_bin_by_its_rows()
        {
            // Given scores 0.05, 0.15, 0.15, 0.95 and 1.0, labels -, +, -, +, +
            double[] scores = [0.05, 0.15, 0.15, 0.95, 1.0];
            bool[] truth = [false, true, false, true, true];

            // When the reliability curve is computed with 10 bins
            var curve = ReliabilityCurve.Compute(scores, truth, 10);

            // Then bins 0, 1 and 9 hold 1, 2 and 2 rows with their mean score and positive rate, the rest are empty
            Assert.True(curve.Bins.Count == 10, $"{curve.Bins.Count} bins");
            Assert.Equal(new ReliabilityBin(0, 0.1, 1, 0.05, 0), curve.Bins[0]);
            Assert.Equal(new ReliabilityBin(0.1, 0.2, 2, 0.15, 0.5), curve.Bins[1]);
            Assert.Equal(new ReliabilityBin(0.9, 1, 2, 0.975, 1), curve.Bins[9]);
            foreach (var bin in curve.Bins.Where((_, b) => b is > 1 and < 9))
            {
                Assert.True(bin.Count == 0 && bin.MeanScore is null && bin.PositiveRate is null, $"bin [{bin.Low}, {bin.High}) should be empty: {bin}");
            }

            // And the ECE weighs each bin's gap by its share: (1 x 0.05 + 2 x 0.35 + 2 x 0.025) / 5
            Approx.Equal((0.05 + 0.7 + 0.05) / 5, curve.Ece, 1e-15, "ECE");
        }

        [Fact]
        public void Should_count_every_row_once_and_agree_with_the_ece()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores
                // When the reliability curve is computed
                var curve = ReliabilityCurve.Compute(rows.Scores, rows.Truth, 10);

                // Then its bins hold every row once, and its ECE is the share-weighted gap of its bins
                Assert.True(curve.Bins.Sum(b => b.Count) == rows.Scores.Length, "every row in one bin");
                var fromBins = curve.Bins.Where(b => b.Count > 0).Sum(b => (double)b.Count / rows.Scores.Length * Math.Abs(b.MeanScore!.Value - b.PositiveRate!.Value));
                Approx.Equal(fromBins, curve.Ece, 1e-12, "ECE from the bins");
                Approx.Equal(curve.Ece, ScoreMetrics.Ece(rows.Scores, rows.Truth), 0, "ScoreMetrics.Ece against the curve's");
            });
        }

        [Fact]
        public void Should_refuse_fewer_than_one_bin()
        {
            // Given zero bins
            // When a curve is computed
            // Then it fails
            Assert.Throws<ArgumentOutOfRangeException>(() => ReliabilityCurve.Compute([0.5], [true], 0));
        }
    }
}
