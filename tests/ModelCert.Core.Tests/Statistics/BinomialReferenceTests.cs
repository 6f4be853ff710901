using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Statistics;

/// <summary>
/// The binomial and multinomial draws against the walk as first written (below, verbatim): computing each cell's
/// probability terms once per resample plan must not change a single draw for any seed.
/// </summary>
public sealed class BinomialReferenceTests
{
    public sealed class Sample
    {
        [Fact]
        public void Should_draw_what_the_first_walk_draws()
        {
            long[] sizes = [0, 1, 2, 7, 40, 255, 256, 1000, 123_457, 10_000_000];
            double[] probabilities = [0, 1e-9, 0.001, 0.1, 0.3, 0.5, 0.5000000000000001, 0.7, 0.999, 1];
            foreach (var n in sizes)
            {
                foreach (var p in probabilities)
                {
                    // Given one seed for both walks
                    var actual = new SeededRandom((ulong)n ^ BitConverter.DoubleToUInt64Bits(p));
                    var expected = new SeededRandom((ulong)n ^ BitConverter.DoubleToUInt64Bits(p));

                    // When each draws 20 times
                    // Then every draw agrees
                    for (var k = 0; k < 20; k++)
                    {
                        var wanted = First.Sample(expected, n, p);
                        var got = Binomial.Sample(actual, n, p);
                        Assert.True(wanted == got, $"Binomial({n}, {p}) draw {k}: {got}, first walk {wanted}");
                    }
                }
            }
        }
    }

    public sealed class ResampleCounts
    {
        [Fact]
        public void Should_resample_what_the_first_walk_resamples()
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
                var actual = new SeededRandom((ulong)trial);
                var expected = new SeededRandom((ulong)trial);
                for (var k = 0; k < 5; k++)
                {
                    var wanted = new long[counts.Length];
                    var got = new long[counts.Length];
                    First.ResampleCounts(expected, counts, wanted);
                    Binomial.ResampleCounts(actual, counts, got);

                    // Then every cell agrees
                    Assert.True(wanted.SequenceEqual(got), $"trial {trial}, draw {k}: [{string.Join(", ", got)}], first walk [{string.Join(", ", wanted)}]");
                }
            }
        }
    }

    /// <summary>The walk as first written: terms computed inside every draw.</summary>
    private static class First
    {
        public static long Sample(SeededRandom random, long n, double p)
        {
            if (n <= 0 || p <= 0)
            {
                return 0;
            }

            if (p >= 1)
            {
                return n;
            }

            if (p > 0.5)
            {
                return n - Sample(random, n, 1 - p);
            }

            var q = 1 - p;
            var u = random.NextDouble();
            var mode = (long)Math.Floor((n + 1) * p);
            if (mode > n)
            {
                mode = n;
            }

            var atMode = Math.Exp(Binomial.LogChoose(n, mode) + (mode * Math.Log(p)) + ((n - mode) * Math.Log(q)));
            u -= atMode;
            if (u <= 0)
            {
                return mode;
            }

            long low = mode, high = mode;
            double pLow = atMode, pHigh = atMode;
            var odds = p / q;
            while (low > 0 || high < n)
            {
                if (high < n)
                {
                    pHigh *= (n - high) / (double)(high + 1) * odds;
                    high++;
                    u -= pHigh;
                    if (u <= 0)
                    {
                        return high;
                    }
                }

                if (low > 0)
                {
                    pLow *= low / (double)(n - low + 1) / odds;
                    low--;
                    u -= pLow;
                    if (u <= 0)
                    {
                        return low;
                    }
                }

                if (pHigh < 1e-300 && pLow < 1e-300)
                {
                    break;
                }
            }

            // Rounding left a sliver of mass unassigned (below 1e-15); the mode is the most likely value.
            return mode;
        }

        /// <summary>Fills <paramref name="result"/> with a Multinomial(n, counts / sum(counts)) draw: a row resample of cells.</summary>
        public static void ResampleCounts(SeededRandom random, ReadOnlySpan<long> counts, Span<long> result)
        {
            long total = 0;
            foreach (var c in counts)
            {
                total += c;
            }

            var remainingRows = total;
            var remainingMass = total;
            for (var i = 0; i < counts.Length; i++)
            {
                if (remainingMass <= 0 || remainingRows <= 0)
                {
                    result[i] = 0;
                    continue;
                }

                var draw = i == counts.Length - 1 || counts[i] == remainingMass
                    ? remainingRows
                    : Sample(random, remainingRows, counts[i] / (double)remainingMass);
                result[i] = draw;
                remainingRows -= draw;
                remainingMass -= counts[i];
            }
        }
    }
}
