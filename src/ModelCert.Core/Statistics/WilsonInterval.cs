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
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
