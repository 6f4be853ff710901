namespace ModelCert.Core.Statistics;

/// <summary>
/// Exact binomial and multinomial draws. A binomial draw walks the probability mass outward from the mode,
/// subtracting each term from one uniform: exact for any ordering of the terms, and about sqrt(n p q) steps,
/// so resampling the cells of a 10-million-row confusion matrix costs the same as a 1,000-row one.
/// </summary>
public static class Binomial
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
        return FromMode(random, n, p, Math.Log(p), Math.Log(q), p / q);
    }

    /// <summary><see cref="Sample(SeededRandom, long, double)"/> with the probability's terms computed beforehand.</summary>
    internal static long Sample(SeededRandom random, long n, in BinomialTerms terms)
    {
        if (n <= 0 || terms.P <= 0)
        {
            return 0;
        }

        if (terms.P >= 1)
        {
            return n;
        }

        var k = FromMode(random, n, terms.Low, terms.LogLow, terms.LogHigh, terms.Odds);
        return terms.Flipped ? n - k : k;
    }

    /// <summary>The walk outward from the mode, for p at most 0.5 given with log p, log(1 - p) and p / (1 - p).</summary>
    private static long FromMode(SeededRandom random, long n, double p, double logP, double logQ, double odds)
    {
        var u = random.NextDouble();
        var mode = (long)Math.Floor((n + 1) * p);
        if (mode > n)
        {
            mode = n;
        }

        var atMode = Math.Exp(LogChoose(n, mode) + (mode * logP) + ((n - mode) * logQ));
        u -= atMode;
        if (u <= 0)
        {
            return mode;
        }

        long low = mode, high = mode;
        double pLow = atMode, pHigh = atMode;
        unchecked
        {
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

    /// <summary>log(n choose k) from log-factorials.</summary>
    public static double LogChoose(long n, long k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static readonly double[] SmallLogFactorials = BuildTable(256);

    /// <summary>log(k!): a table below 256, Stirling's series above (error below 1e-15 relative there).</summary>
    public static double LogFactorial(long k)
    {
        if (k < SmallLogFactorials.Length)
        {
            return SmallLogFactorials[k];
        }

        var x = (double)k + 1;
        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI))
            + (inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 / 1680)))))));
    }

    private static double[] BuildTable(int size)
    {
        var table = new double[size];
        for (var i = 2; i < size; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }
}
