using FsCheck.Fluent;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

public sealed class BinomialTests
{
    /// <summary>Sum with Neumaier's compensation, so a million logs keep their last digits.</summary>
    private static double CompensatedSum(IEnumerable<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (var v in values)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    /// <summary>The exact binomial mass, by the product formula rather than log-factorials.</summary>
    /// <summary>
    /// The whole mass function, built independently of the sampler: log f(mode) as plain sums of logs, then the ratios
    /// f(k+1)/f(k) = (n-k)/(k+1) p/q outward from the mode (no overflow, no Stirling series).
    /// </summary>
    private static double[] Pmf(int n, double p)
    {
        var mode = (int)Math.Floor((n + 1) * p);
        mode = Math.Min(mode, n);
        double logMode = 0;
        for (var i = 1; i <= n; i++)
        {
            logMode += Math.Log(i) - (i <= mode ? Math.Log(i) : 0) - (i <= n - mode ? Math.Log(i) : 0);
        }

        logMode += (mode * Math.Log(p)) + ((n - mode) * Math.Log(1 - p));
        var pmf = new double[n + 1];
        pmf[mode] = Math.Exp(logMode);
        var odds = p / (1 - p);
        for (var k = mode; k < n; k++)
        {
            pmf[k + 1] = pmf[k] * (n - k) / (k + 1) * odds;
        }

        for (var k = mode; k > 0; k--)
        {
            pmf[k - 1] = pmf[k] * k / (n - k + 1) / odds;
        }

        return pmf;
    }

    public sealed class Sample
    {
        [Theory]
        [InlineData(1000L, 0.3, 20_000)]
        [InlineData(10_000_000L, 0.01, 5_000)]
        [InlineData(5L, 0.9, 20_000)]
        [InlineData(5L, 0.5, 20_000)]
        [InlineData(1L, 0.2, 20_000)]
        [InlineData(100_000L, 0.999, 5_000)]
        [InlineData(1_000_000L, 1e-5, 20_000)]
        public void Should_have_the_binomial_mean_and_variance(long n, double p, int draws)
        {
            // Given many seeded draws from Binomial(n, p)
            var random = new SeededRandom(12345);
            var values = Enumerable.Range(0, draws).Select(_ => (double)Binomial.Sample(random, n, p)).ToArray();

            // When their mean and variance are taken
            var mean = values.Average();
            var variance = values.Sum(v => (v - mean) * (v - mean)) / (draws - 1);

            // Then they match n p and n p (1 - p) within five standard errors (the variance's from the excess kurtosis (1 - 6pq) / npq)
            var expectedMean = n * p;
            var expectedVariance = n * p * (1 - p);
            var excessKurtosis = (1 - (6 * p * (1 - p))) / expectedVariance;
            var meanTolerance = 5 * Math.Sqrt(expectedVariance / draws);
            var varianceTolerance = 5 * expectedVariance * Math.Sqrt((2 + excessKurtosis) / draws);
            Assert.True(Math.Abs(mean - expectedMean) <= meanTolerance, $"Binomial({n}, {p}): mean {mean}, expected {expectedMean} +- {meanTolerance}");
            Assert.True(Math.Abs(variance - expectedVariance) <= varianceTolerance, $"Binomial({n}, {p}): variance {variance}, expected {expectedVariance} +- {varianceTolerance}");
            Assert.True(values.All(v => v >= 0 && v <= n), $"Binomial({n}, {p}): a draw outside 0..{n}");
        }

        [Theory]
        [InlineData(10, 0.35)]
        [InlineData(10, 0.65)]
        [InlineData(200, 0.02)]
        [InlineData(30, 0.5)]
        [InlineData(40, 0.25)]
        [InlineData(200, 0.3)]
        [InlineData(1000, 0.7)]
        [InlineData(100_000, 0.02)]
        [InlineData(2_000_000, 0.5)]
        public void Should_draw_each_count_as_often_as_its_exact_probability(int n, double p)
        {
            // Given 100,000 seeded draws from Binomial(n, p)
            const int draws = 100_000;
            var random = new SeededRandom(777);
            var observed = new long[n + 1];
            for (var i = 0; i < draws; i++)
            {
                observed[Binomial.Sample(random, n, p)]++;
            }

            // When the frequencies are compared with the exact mass by a chi-square statistic (cells expecting under 5 pooled)
            var pmf = Pmf(n, p);
            double chiSquare = 0, pooledExpected = 0, pooledObserved = 0;
            var cells = 0;
            for (var k = 0; k <= n; k++)
            {
                var expected = draws * pmf[k];
                if (expected < 5)
                {
                    pooledExpected += expected;
                    pooledObserved += observed[k];
                    continue;
                }

                chiSquare += Math.Pow(observed[k] - expected, 2) / expected;
                cells++;
            }

            if (pooledExpected > 0)
            {
                chiSquare += Math.Pow(pooledObserved - pooledExpected, 2) / pooledExpected;
                cells++;
            }

            // Then the statistic stays below df + 4 sd + 10, beyond its 0.1% critical value
            var degrees = cells - 1;
            var critical = degrees + (4 * Math.Sqrt(2.0 * degrees)) + 10;
            Assert.True(chiSquare < critical, $"Binomial({n}, {p}): chi-square {chiSquare:0.00} on {degrees} df, critical {critical:0.00}; observed [{string.Join(", ", observed)}]");
        }

        [Fact]
        public void Should_return_the_certain_count_at_the_ends()
        {
            // Given p = 0, p = 1, n = 0 and a negative p
            var random = new SeededRandom(1);

            // When a draw is made
            // Then it is 0, n, 0 and 0 without fail
            for (var i = 0; i < 100; i++)
            {
                Assert.True(Binomial.Sample(random, 1000, 0) == 0, "p = 0 draws nothing");
                Assert.True(Binomial.Sample(random, 1000, 1) == 1000, "p = 1 draws everything");
                Assert.True(Binomial.Sample(random, 0, 0.5) == 0, "n = 0 draws nothing");
                Assert.True(Binomial.Sample(random, 10, -0.1) == 0, "p < 0 draws nothing");
            }
        }

        [Fact]
        public void Should_repeat_its_draws_for_the_same_seed()
        {
            // Given two generators with one seed
            var a = new SeededRandom(99);
            var b = new SeededRandom(99);

            // When each draws 1,000 binomials
            // Then the draws are the same
            for (var i = 0; i < 1000; i++)
            {
                Assert.True(Binomial.Sample(a, 5000, 0.4) == Binomial.Sample(b, 5000, 0.4), $"draw {i} differs");
            }
        }
    }

    public sealed class LogFactorial
    {
        [Theory]
        [InlineData(10L)]
        [InlineData(255L)]
        [InlineData(256L)]
        [InlineData(257L)]
        [InlineData(1000L)]
        [InlineData(1_000_000L)]
        public void Should_equal_the_sum_of_logs(long k)
        {
            // Given k
            // When log(k!) is computed (a table below 256, Stirling's series above)
            var actual = Binomial.LogFactorial(k);

            // Then it equals the compensated sum of log(i) for i = 2..k within 1e-12 relative
            var expected = CompensatedSum(Enumerable.Range(2, (int)k - 1).Select(i => Math.Log(i)));
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"log({k}!) = {actual:R}, expected {expected:R}");
        }

        [Fact]
        public void Should_be_zero_for_zero_and_one()
        {
            // Given 0! = 1! = 1
            // When their logs are computed
            // Then both are 0
            Assert.True(Binomial.LogFactorial(0) == 0 && Binomial.LogFactorial(1) == 0, "log 0! and log 1!");
        }

        [Fact]
        public void Should_give_log_choose_of_small_numbers()
        {
            // Given 10 choose 3 = 120 and 300 choose 150 across the table boundary
            // When log-choose is computed
            // Then it matches log(120) and the log of the product formula
            Approx.Equal(Math.Log(120), Binomial.LogChoose(10, 3), 1e-14, "log(10 choose 3)");
            var product = CompensatedSum(Enumerable.Range(1, 150).Select(i => Math.Log(150 + i) - Math.Log(i)));
            Approx.Equal(product, Binomial.LogChoose(300, 150), 1e-12, "log(300 choose 150)");
        }
    }

    public sealed class ResampleCounts
    {
        [Fact]
        public void Should_draw_as_many_rows_as_the_counts_hold_and_none_from_empty_cells()
        {
            var cases =
                from cells in Gen.Choose(1, 12)
                from counts in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0L)), (3, Gen.Choose(0, 100_000).Select(c => (long)c))), cells)
                from seed in Gen.Choose(0, int.MaxValue)
                select (counts, seed: (ulong)seed);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given counts of any size, some zero
                var (counts, seed) = sample;
                var result = new long[counts.Length];

                // When they are resampled
                Binomial.ResampleCounts(new SeededRandom(seed), counts, result);

                // Then the draw keeps the total, leaves empty cells empty and has no negative count
                Assert.True(result.Sum() == counts.Sum(), $"drew {result.Sum()} rows from [{string.Join(", ", counts)}]");
                for (var i = 0; i < counts.Length; i++)
                {
                    Assert.True(result[i] >= 0, $"cell {i}: negative draw {result[i]}");
                    Assert.True(counts[i] != 0 || result[i] == 0, $"cell {i}: {result[i]} rows from an empty cell of [{string.Join(", ", counts)}]");
                }
            });
        }

        [Fact]
        public void Should_give_each_cell_its_share_on_average()
        {
            // Given counts 10, 0, 30, 60 resampled 20,000 times
            long[] counts = [10, 0, 30, 60];
            var random = new SeededRandom(4242);
            var sums = new double[4];
            var draw = new long[4];
            const int draws = 20_000;
            for (var i = 0; i < draws; i++)
            {
                Binomial.ResampleCounts(random, counts, draw);
                for (var c = 0; c < 4; c++)
                {
                    sums[c] += draw[c];
                }
            }

            // When the mean draw of each cell is taken
            // Then it is the cell's count (a multinomial's mean), within five standard errors
            for (var c = 0; c < 4; c++)
            {
                var p = counts[c] / 100.0;
                var tolerance = (5 * Math.Sqrt(100 * p * (1 - p) / draws)) + 1e-12;
                Assert.True(Math.Abs((sums[c] / draws) - counts[c]) <= tolerance, $"cell {c}: mean draw {sums[c] / draws}, expected {counts[c]} +- {tolerance}");
            }
        }
    }
}
