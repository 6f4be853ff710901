namespace ModelCert.Core.Statistics;

/// <summary>
/// Exact binomial and multinomial draws in constant expected time. Where n·min(p, 1 - p) is at least 10 a draw is
/// Hörmann's transformed rejection with decomposition (BTRD, 1993): most draws take one uniform and a few
/// multiplications, and the rest are accepted or rejected against the exact mass ratio f(k)/f(mode). Below that it
/// inverts the distribution from 0, about n·p + 1 steps. Either way the cost does not grow with n, so resampling
/// the cells of a 10-million-row confusion matrix costs the same as a 1,000-row one.
/// </summary>
public static class Binomial
{
    /// <summary>Names the sampler in results, beside the seed: the same seed gives the same draws only with it.</summary>
    public const string Method = "BTRD (Hörmann 1993) for n·min(p,1-p) >= 10, inversion below";

    private const double RejectionFloor = 10;

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

        return p > 0.5 ? n - SampleLow(random, n, 1 - p) : SampleLow(random, n, p);
    }

    /// <summary><see cref="Sample(SeededRandom, long, double)"/> with the side at most one half chosen beforehand.</summary>
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

        var k = n * terms.Low >= RejectionFloor ? Rejection(random, n, terms.Low) : Inversion(random, n, terms.Low, terms.LogHigh);
        return terms.Flipped ? n - k : k;
    }

    /// <summary>A draw for 0 &lt; p &lt;= 0.5.</summary>
    private static long SampleLow(SeededRandom random, long n, double p) =>
        n * p >= RejectionFloor ? Rejection(random, n, p) : Inversion(random, n, p, Math.Log(1 - p));

    /// <summary>Inversion from 0: subtract f(0), f(1), ... from one uniform, each term from the last by f(k)/f(k-1).</summary>
    private static long Inversion(SeededRandom random, long n, double p, double logQ)
    {
        var odds = p / (1 - p);
        var f = Math.Exp(n * logQ);
        var u = random.NextDouble();
        long k = 0;
        while (u > f && k < n)
        {
            u -= f;
            k++;
            f *= (n - k + 1) / (double)k * odds;
            if (f <= 0)
            {
                // Rounding left a sliver of mass (below 1e-15) past the last representable term; stop there.
                break;
            }
        }

        return k;
    }

    /// <summary>BTRD for n·p &gt;= 10, p &lt;= 0.5: a hat of a triangle and two tails over the mass, then the exact ratio test.</summary>
    private static long Rejection(SeededRandom random, long n, double p)
    {
        var q = 1 - p;
        var spread = Math.Sqrt(n * p * q);
        var b = 1.15 + (2.53 * spread);
        var inverseB = 1 / b;
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var twoA = 2 * a;
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 * inverseB);
        var inverseVr = 1 / vr;
        var triangle = 0.86 * vr;
        var alpha = (2.83 + (5.1 * inverseB)) * spread;
        var odds = p / q;
        var oddsTimesN1 = (n + 1) * odds;
        var mode = (long)Math.Floor((n + 1) * p);
        var modeTerms = double.NaN;

        while (true)
        {
            var v = random.NextDouble();
            double u;
            if (v <= triangle)
            {
                // The triangle in the middle: accepted outright.
                u = (v * inverseVr) - 0.43;
                var fast = (long)Math.Floor(((twoA / (0.5 - Math.Abs(u))) + b) * u + c);
                if (fast >= 0 && fast <= n)
                {
                    return fast;
                }

                continue;
            }

            if (v >= vr)
            {
                u = random.NextDouble() - 0.5;
            }
            else
            {
                u = (v * inverseVr) - 0.93;
                u = (Math.Sign(u) * 0.5) - u;
                v = random.NextDouble() * vr;
            }

            var us = 0.5 - Math.Abs(u);
            var kd = Math.Floor(((twoA / us) + b) * u + c);
            if (kd < 0 || kd > n)
            {
                continue;
            }

            var k = (long)kd;
            v = v * alpha / ((a / (us * us)) + b);
            var distance = Math.Abs(k - mode);
            if (distance <= 15)
            {
                // Accept when v <= f(k) / f(mode): the ratio's terms f(i)/f(i-1) = (n + 1 - i) odds / i, their numerators
                // and denominators multiplied apart (at most 15 of each, far from overflow) and divided once.
                double numerator = 1, denominator = 1;
                var (from, to) = mode < k ? (mode + 1, k) : (k + 1, mode);
                for (var i = from; i <= to; i++)
                {
                    numerator *= oddsTimesN1 - (odds * i);
                    denominator *= i;
                }

                if (mode < k ? v * denominator <= numerator : v * numerator <= denominator)
                {
                    return k;
                }

                continue;
            }

            // Far from the mode: log f(k)/f(mode) from Stirling's formula with its exact corrections.
            if (double.IsNaN(modeTerms))
            {
                modeTerms = ((mode + 0.5) * Math.Log((mode + 1) / (odds * (n - mode + 1)))) + StirlingCorrection(mode) + StirlingCorrection(n - mode);
            }

            var nk = (double)(n - k + 1);
            var bound = modeTerms + ((n + 1) * Math.Log((n - mode + 1) / nk)) + ((k + 0.5) * Math.Log(nk * odds / (k + 1)))
                - StirlingCorrection(k) - StirlingCorrection(n - k);
            if (Math.Log(v) <= bound)
            {
                return k;
            }
        }
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

    private const int TableSize = 256;

    private static readonly double[] SmallLogFactorials = BuildTable(TableSize);

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>log(k!): a table below 256, Stirling's series above (error below 1e-15 relative there).</summary>
    public static double LogFactorial(long k) =>
        k < TableSize ? SmallLogFactorials[k] : StirlingBase(k) + StirlingSeries(k + 1.0);

    /// <summary>log(k!) minus (k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2: exact from the table below 256, the series above.</summary>
    internal static double StirlingCorrection(long k) =>
        k < TableSize ? SmallLogFactorials[k] - StirlingBase(k) : StirlingSeries(k + 1.0);

    private static double StirlingBase(long k)
    {
        var x = k + 1.0;
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi;
    }

    private static double StirlingSeries(double x)
    {
        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        return inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 / 1680))))));
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
