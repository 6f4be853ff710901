using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

/// <summary>
/// The prepared multinomial against the plain one, and the rejection sampler's exact ratio test against log-factorials
/// summed term by term: preparing each cell's probability once per plan must not change a single draw, and the ratio
/// the sampler accepts against must be the exact mass ratio.
/// </summary>
public sealed class BinomialReferenceTests
{
    public sealed class ResampleCounts
    {
        [Fact]
        public void Should_resample_what_the_plain_multinomial_resamples()
        {
            var cells = new SeededRandom(12);
            for (var trial = 0; trial < 300; trial++)
            {
                // Given cells of all sizes, some empty, some tiny (so the rows run out before the last cell)
                var counts = new long[1 + cells.NextInt(40)];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = cells.NextInt(4) switch { 0 => 0, 1 => cells.NextInt(3), 2 => cells.NextInt(1000), _ => cells.NextInt(2_000_000) };
                }

                // When both resample them five times from one seed
                var prepared = new PreparedMultinomial(counts);
                var actual = new SeededRandom((ulong)trial);
                var expected = new SeededRandom((ulong)trial);
                for (var k = 0; k < 5; k++)
                {
                    var wanted = new long[counts.Length];
                    var got = new long[counts.Length];
                    Binomial.ResampleCounts(expected, counts, wanted);
                    prepared.Resample(actual, got);

                    // Then every cell agrees, and the rows add up
                    Assert.True(wanted.SequenceEqual(got), $"trial {trial}, draw {k}: [{string.Join(", ", got)}], plain [{string.Join(", ", wanted)}]");
                    Assert.Equal(counts.Sum(), got.Sum());
                }
            }
        }
    }

    public sealed class StirlingCorrection
    {
        [Theory]
        [InlineData(0L)]
        [InlineData(9L)]
        [InlineData(255L)]
        [InlineData(256L)]
        [InlineData(3000L)]
        [InlineData(123_457L)]
        public void Should_complete_stirlings_formula_to_log_factorial(long k)
        {
            // Given log k! summed term by term
            double exact = 0;
            for (var i = 2; i <= k; i++)
            {
                exact += Math.Log(i);
            }

            // When the base of Stirling's formula is added to the correction
            var x = k + 1.0;
            var rebuilt = ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + Binomial.StirlingCorrection(k);

            // Then it is log k! to rounding (relative 1e-12, absolute 1e-12 near zero)
            Assert.True(Math.Abs(rebuilt - exact) <= 1e-12 * Math.Max(1, exact), $"k={k}: {rebuilt} vs {exact}");
        }
    }
}
