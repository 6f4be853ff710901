namespace ModelCert.Core.Statistics;

/// <summary>A two-sided interval from bootstrap replicates: the (1-c)/2 and (1+c)/2 quantiles, linearly interpolated as numpy does.</summary>
public static class PercentileInterval
{
    /// <summary>The interval of the defined replicates (NaN replicates are dropped; null when none is left).</summary>
    public static (double Low, double High)? Compute(Span<double> replicates, double confidence)
    {
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        }

        var n = 0;
        for (var i = 0; i < replicates.Length; i++)
        {
            if (!double.IsNaN(replicates[i]))
            {
                replicates[n++] = replicates[i];
            }
        }

        if (n == 0)
        {
            return null;
        }

        var defined = replicates[..n];
        defined.Sort();
        var alpha = (1 - confidence) / 2;
        return (Quantile(defined, alpha), Quantile(defined, 1 - alpha));
    }

    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
