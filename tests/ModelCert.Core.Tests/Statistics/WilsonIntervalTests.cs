using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    public sealed class Compute
    {
        [Theory]
        [InlineData(8L, 10L, 0.95, 0.4902, 0.9433)]
        [InlineData(0L, 10L, 0.95, 0.0, 0.2775)]
        [InlineData(10L, 10L, 0.95, 0.7225, 1.0)]
        [InlineData(50L, 100L, 0.95, 0.4038, 0.5962)]
        [InlineData(1L, 20L, 0.90, 0.0112, 0.1960)]
        [InlineData(950L, 1000L, 0.99, 0.9291, 0.9650)]
        public void Should_give_known_intervals(long successes, long trials, double confidence, double low, double high)
        {
            // Given a proportion and a confidence
            // When its Wilson interval is computed
            var interval = WilsonInterval.Compute(successes, trials, confidence)!.Value;

            // Then it matches the textbook values (8/10: [0.4902, 0.9433]; the others computed independently) to four places
            Approx.Equal(low, interval.Low, 5e-5, $"low end of {successes}/{trials} at {confidence}");
            Approx.Equal(high, interval.High, 5e-5, $"high end of {successes}/{trials} at {confidence}");
        }

        [Fact]
        public void Should_give_closed_forms_at_zero_and_all_successes()
        {
            // Given 0 and n successes of n = 10 at 95%
            var z2 = Math.Pow(Normal.Quantile(0.975), 2);

            // When their intervals are computed
            var none = WilsonInterval.Compute(0, 10, 0.95)!.Value;
            var all = WilsonInterval.Compute(10, 10, 0.95)!.Value;

            // Then they are [0, z^2 / (n + z^2)] and [n / (n + z^2), 1]
            Approx.Equal(0, none.Low, 1e-15, "0/10 low end");
            Approx.Equal(z2 / (10 + z2), none.High, 1e-14, "0/10 high end");
            Approx.Equal(10 / (10 + z2), all.Low, 1e-14, "10/10 low end");
            Approx.Equal(1, all.High, 1e-15, "10/10 high end");
        }

        [Fact]
        public void Should_mirror_for_failures_and_stay_in_zero_to_one()
        {
            for (var trials = 1L; trials <= 200; trials++)
            {
                for (var successes = 0L; successes <= trials; successes++)
                {
                    // Given k successes of n, and n - k
                    // When both intervals are computed
                    var interval = WilsonInterval.Compute(successes, trials, 0.95)!.Value;
                    var mirror = WilsonInterval.Compute(trials - successes, trials, 0.95)!.Value;

                    // Then one is the other reflected about 1/2, inside [0, 1]
                    Approx.Equal(1 - mirror.High, interval.Low, 1e-12, $"{successes}/{trials} low end against the mirror");
                    Approx.Equal(1 - mirror.Low, interval.High, 1e-12, $"{successes}/{trials} high end against the mirror");
                    Approx.InRange(interval.Low, 0, 1, $"{successes}/{trials} low end");
                    Approx.InRange(interval.High, 0, 1, $"{successes}/{trials} high end");
                }
            }
        }

        [Fact]
        public void Should_contain_the_proportion_even_at_zero_and_all_successes()
        {
            for (var trials = 1L; trials <= 200; trials++)
            {
                for (var successes = 0L; successes <= trials; successes++)
                {
                    // Given k successes of n
                    // When the interval is computed
                    var interval = WilsonInterval.Compute(successes, trials, 0.95)!.Value;

                    // Then it contains k / n, exactly 0 for none and exactly 1 for all
                    Approx.Contains(interval, (double)successes / trials, $"{successes}/{trials}");
                }
            }
        }

        [Fact]
        public void Should_be_null_without_trials()
        {
            // Given no trials
            // When an interval is computed
            // Then there is none
            Assert.True(WilsonInterval.Compute(0, 0, 0.95) is null, "no trials, no interval");
        }
    }
}
