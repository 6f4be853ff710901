using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Distribution-free intervals for a quantile of repeated measurements (latencies, throughputs): the order
/// statistics at n q ∓ z √(n q (1 − q)), the normal approximation to the binomial count of values below the quantile.
/// </summary>
internal static class OrderStatistics
{
    public static (double Value, (double Low, double High) Interval) Quantile(double[] sorted, double q, double confidence)
    {
        var n = sorted.Length;
        var value = PercentileInterval.Quantile(sorted, q);
        var z = Normal.Quantile(1 - ((1 - confidence) / 2));
        var spread = z * Math.Sqrt(n * q * (1 - q));
        var low = (int)Math.Clamp(Math.Floor((n * q) - spread) - 1, 0, n - 1);
        var high = (int)Math.Clamp(Math.Ceiling((n * q) + spread), 0, n - 1);
        return (value, (Math.Min(sorted[low], value), Math.Max(sorted[high], value)));
    }
}
