using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

/// <summary>
/// The reliability curve bins rows with edges computed once per curve; every row must land where
/// <see cref="ScoreMetrics.CalibrationBin"/> puts it, on the edges and one step either side of them included.
/// </summary>
public sealed class ReliabilityCurveBinTests
{
    public sealed class Compute
    {
        [Fact]
        public void Should_count_each_row_in_the_bin_calibration_bin_gives()
        {
            var random = new SeededRandom(8);
            for (var bins = 1; bins <= 120; bins++)
            {
                // Given every edge k / bins, its neighbours, the ends, values outside [0, 1], NaN and random scores
                var scores = new List<double> { double.NaN, double.NegativeInfinity, -1, -0.0, 0, 1, 2, double.PositiveInfinity, double.MaxValue };
                for (var k = 0; k <= bins; k++)
                {
                    var edge = (double)k / bins;
                    scores.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
                }

                for (var i = 0; i < 200; i++)
                {
                    scores.Add(random.NextDouble());
                }

                var truth = scores.Select((_, i) => i % 3 == 0).ToArray();

                // When the curve is computed
                var curve = ReliabilityCurve.Compute([.. scores], truth, bins);

                // Then each bin holds the rows CalibrationBin assigns to it
                for (var b = 0; b < bins; b++)
                {
                    var expected = scores.Count(s => ScoreMetrics.CalibrationBin(s, bins) == b);
                    Assert.True(curve.Bins[b].Count == expected, $"{bins} bins, bin {b}: {curve.Bins[b].Count} rows, CalibrationBin gives {expected}");
                }
            }
        }
    }
}
