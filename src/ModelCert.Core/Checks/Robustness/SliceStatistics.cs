using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The tests behind the worst-slice search: a one-sided two-proportion z-test of a slice's error rate against the
/// rest of the rows, Cohen's h as effect size, Benjamini-Hochberg q-values over every slice tested, and Newcombe's
/// hybrid score interval for a difference of two proportions.
/// </summary>
internal static class SliceStatistics
{
    /// <summary>P(Z ≥ z) for the pooled z statistic of H1: the slice's error rate exceeds the rest's.</summary>
    public static double OneSidedP(long sliceErrors, long sliceRows, long totalErrors, long totalRows)
    {
        var restRows = totalRows - sliceRows;
        if (sliceRows <= 0 || restRows <= 0)
        {
            return 1;
        }

        var pooled = (double)totalErrors / totalRows;
        var variance = pooled * (1 - pooled) * ((1.0 / sliceRows) + (1.0 / restRows));
        if (variance <= 0)
        {
            return 1;
        }

        var z = (((double)sliceErrors / sliceRows) - ((double)(totalErrors - sliceErrors) / restRows)) / Math.Sqrt(variance);
        return UpperTail(z);
    }

    /// <summary>Cohen's h between two proportions: 2 asin √p1 − 2 asin √p2.</summary>
    public static double CohensH(double p1, double p2) => (2 * Math.Asin(Math.Sqrt(p1))) - (2 * Math.Asin(Math.Sqrt(p2)));

    /// <summary>Benjamini-Hochberg adjusted p-values (q-values), in the order given.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = Math.Min(1, running);
        }

        return q;
    }

    /// <summary>Newcombe's hybrid score interval for p1 − p2 of two independent proportions (Wilson intervals combined).</summary>
    public static (double Low, double High)? Difference(long x1, long n1, long x2, long n2, double confidence)
    {
        if (WilsonInterval.Compute(x1, n1, confidence) is not var (l1, u1) || WilsonInterval.Compute(x2, n2, confidence) is not var (l2, u2))
        {
            return null;
        }

        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var d = p1 - p2;
        return (d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))), d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
    }

    /// <summary>
    /// P(Z ≥ z) = erfc(z / √2) / 2, with erfc from a Chebyshev fit (fractional error below 1.2e-7 everywhere, so
    /// tiny p-values keep their relative accuracy).
    /// </summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp(poly);
        return x >= 0 ? result : 2 - result;
    }
}
