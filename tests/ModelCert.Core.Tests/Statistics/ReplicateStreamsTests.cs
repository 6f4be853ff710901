using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

/// <summary>
/// Replicates spread over threads must be exactly those of one loop over one stream: also when a replicate takes
/// fewer uniforms than announced (a resample whose rows run out before its last cell).
/// </summary>
public sealed class ReplicateStreamsTests
{
    public sealed class Run
    {
        [Theory]
        [InlineData(1, 0.0)]
        [InlineData(99, 0.0)]
        [InlineData(1000, 0.0)]
        [InlineData(1000, 0.01)]
        [InlineData(1000, 0.5)]
        public void Should_give_the_replicates_of_one_loop(int replicates, double shortShare)
        {
            // Given replicates taking 7 uniforms each, or fewer for some of them (a share of shortShare)
            static long Replicate(int r, SeededRandom random, double[] values, double shortShare)
            {
                var take = (r * 0.618034 % 1) < shortShare ? 3 : 7;
                for (var k = 0; k < take; k++)
                {
                    values[(r * 7) + k] = random.NextDouble();
                }

                return take;
            }

            var expected = new double[replicates * 7];
            var single = SeededRandom.ForStream(5, 9);
            for (var r = 0; r < replicates; r++)
            {
                Replicate(r, single, expected, shortShare);
            }

            // When they run spread over the cores
            var actual = new double[replicates * 7];
            ReplicateStreams.Run(() => SeededRandom.ForStream(5, 9), replicates, 7, () => 0, (r, random, _) => Replicate(r, random, actual, shortShare));

            // Then every value is the one loop's
            Assert.True(expected.SequenceEqual(actual), $"{replicates} replicates, {shortShare} short: the values differ from one loop's");
        }
    }

    public sealed class CountBootstrapResample
    {
        [Theory]
        [InlineData(new long[] { 400, 30, 25, 200, 5000, 900, 800, 3000 }, 1000)]
        [InlineData(new long[] { 3, 1, 1, 1, 0, 2, 0, 1 }, 1000)]
        [InlineData(new long[] { 0, 0, 0, 0, 7, 0, 0, 0 }, 300)]
        public void Should_equal_drawing_each_replicate_in_turn_from_one_stream(long[] cells, int replicates)
        {
            // Given groups' cells, some so small that a resample often runs out of rows before its last cell
            var expected = new long[replicates * cells.Length];
            var random = SeededRandom.ForStream(17, 3);
            for (var r = 0; r < replicates; r++)
            {
                for (var g = 0; g < cells.Length; g += 4)
                {
                    Binomial.ResampleCounts(random, cells.AsSpan(g, 4), expected.AsSpan((r * cells.Length) + g, 4));
                }
            }

            // When the count bootstrap resamples them
            var actual = CountBootstrap.Resample(cells, replicates, 17, 3);

            // Then every replicate is the one-loop replicate
            Assert.True(expected.SequenceEqual(actual), $"cells [{string.Join(", ", cells)}]: replicates differ from one loop's");
        }
    }
}
