using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class NormalTests
{
    public sealed class Quantile
    {
        [Theory]
        [InlineData(0.975, 1.9599639845400536)]
        [InlineData(0.995, 2.5758293035489004)]
        [InlineData(0.9, 1.2815515655446008)]
        [InlineData(0.8, 0.8416212335729144)]
        [InlineData(0.001, -3.090232306167813)]
        [InlineData(0.02425, -1.9729610513118845)]
        [InlineData(1e-10, -6.361340902404056)]
        [InlineData(0.9999999, 5.199337582290662)]
        public void Should_match_reference_values(double p, double expected)
        {
            // Given a probability (central region, both tails, and the switch point 0.02425)
            // When the standard normal quantile is taken
            // Then it matches the exact quantile (Wichura's AS241) within 1e-8: Acklam's approximation is good to about 1.2e-9 relative
            Approx.Equal(expected, Normal.Quantile(p), 1e-8, $"quantile at {p}");
        }

        [Fact]
        public void Should_be_zero_at_one_half()
        {
            // Given p = 1/2
            // When its quantile is taken
            // Then it is exactly 0
            Assert.True(Normal.Quantile(0.5) == 0, $"quantile at 0.5 is {Normal.Quantile(0.5)}");
        }

        [Fact]
        public void Should_be_antisymmetric_and_monotone()
        {
            // Given probabilities from 1e-12 to 1/2 on a log scale and a linear one
            var probabilities = Enumerable.Range(0, 241).Select(i => Math.Pow(10, -12 + (i * 0.05))).Where(p => p < 0.5)
                .Concat(Enumerable.Range(1, 99).Select(i => i / 200.0)).Distinct().Order().ToList();

            for (var i = 0; i < probabilities.Count; i++)
            {
                var p = probabilities[i];
                var complement = 1 - p;

                // When the quantiles at 1 - p and at 1 - (1 - p) are taken (the complement as a double holds, not p)
                // Then they are opposite, and they never fall as p rises
                Approx.Equal(-Normal.Quantile(1 - complement), Normal.Quantile(complement), 1e-9, $"quantile at {complement} against minus the one at its complement");
                if (i > 0)
                {
                    Assert.True(Normal.Quantile(p) >= Normal.Quantile(probabilities[i - 1]), $"quantile falls from {probabilities[i - 1]:R} to {p:R}");
                }
            }
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(-0.1)]
        [InlineData(1.5)]
        public void Should_refuse_a_probability_outside_zero_to_one(double p)
        {
            // Given 0, 1 or something that is no probability
            // When its quantile is asked for
            // Then it fails
            Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(p));
        }
    }
}
