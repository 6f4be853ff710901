using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

/// <summary>
/// Replicates spread over threads must be exactly those of one loop that draws replicate r from its own stream:
/// also when replicates take different numbers of uniforms (rejection sampling does).
/// </summary>
public sealed class ReplicateStreamsTests
{
    public sealed class Run
    {
        [Theory]
        [InlineData(1)]
        [InlineData(99)]
        [InlineData(1000)]
        public void Should_give_the_replicates_of_one_loop(int replicates)
        {
            // Given replicates taking between 1 and 7 uniforms each
            static void Replicate(int r, SeededRandom random, double[] values)
            {
                var take = 1 + (r % 7);
                for (var k = 0; k < take; k++)
                {
                    values[(r * 7) + k] = random.NextDouble();
                }
            }

            var expected = new double[replicates * 7];
            for (var r = 0; r < replicates; r++)
            {
                Replicate(r, ReplicateStreams.Of(5, 9, r), expected);
            }

            // When they run spread over the cores
            var actual = new double[replicates * 7];
            ReplicateStreams.Run(5, 9, replicates, () => 0, (r, random, _) => Replicate(r, random, actual));

            // Then every value is the one loop's
            Assert.True(expected.SequenceEqual(actual), $"{replicates} replicates: the values differ from one loop's");
        }

        [Fact]
        public void Should_give_different_replicates_different_streams()
        {
            // Given the first draw of each of 10,000 replicate streams, and of another stream tag
            var firsts = Enumerable.Range(0, 10_000).Select(r => ReplicateStreams.Of(5, 9, r).NextUInt64()).ToList();
            var other = Enumerable.Range(0, 10_000).Select(r => ReplicateStreams.Of(5, 10, r).NextUInt64());

            // Then no two coincide
            Assert.Equal(20_000, firsts.Concat(other).Distinct().Count());
        }
    }

    public sealed class CountBootstrapResample
    {
        [Theory]
        [InlineData(new long[] { 400, 30, 25, 200, 5000, 900, 800, 3000 }, 1000)]
        [InlineData(new long[] { 3, 1, 1, 1, 0, 2, 0, 1 }, 1000)]
        [InlineData(new long[] { 0, 0, 0, 0, 7, 0, 0, 0 }, 300)]
        public void Should_equal_drawing_each_replicate_from_its_stream(long[] cells, int replicates)
        {
            // Given groups' cells, some so small that a resample often runs out of rows before its last cell
            var expected = new long[replicates * cells.Length];
            for (var r = 0; r < replicates; r++)
            {
                var random = ReplicateStreams.Of(17, 3, r);
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
