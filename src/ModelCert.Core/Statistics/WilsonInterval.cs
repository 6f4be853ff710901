namespace ModelCert.Core.Statistics;

/// <summary>The Wilson score interval for a proportion: well-behaved near 0 and 1 and for small samples, unlike the normal approximation.</summary>
public static class WilsonInterval
{
    public static (double Low, double High)? Compute(long successes, long trials, double confidence)
    {
        if (trials <= 0)
        {
            return null;
        }

        var z = Normal.Quantile(1 - ((1 - confidence) / 2));
        var p = (double)successes / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        // Exactly 0 or 1 at the ends (rounding would otherwise leave 0/n a low end of 1e-17 and n/n a high end of
        // 1 - 1e-16, so a ceiling of 0 or a floor of 1 met exactly would look missed), and never excluding p itself.
        var low = successes == 0 ? 0 : Math.Min(p, Math.Max(0, centre - half));
        var high = successes == trials ? 1 : Math.Max(p, Math.Min(1, centre + half));
        return (low, high);
    }
}
