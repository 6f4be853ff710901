using System.Globalization;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Numeric assertions that say what was compared, with both numbers in full.</summary>
internal static class Approx
{
    /// <summary>Equal within <paramref name="relative"/> of the larger magnitude (or absolutely, below 1); null equals only null.</summary>
    public static void Equal(double? expected, double? actual, double relative, string because)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Assert.Fail($"{because}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        var (e, a) = (expected.Value, actual.Value);
        if (double.IsNaN(e) && double.IsNaN(a))
        {
            return;
        }

        var scale = Math.Max(1, Math.Max(Math.Abs(e), Math.Abs(a)));
        if (!(Math.Abs(e - a) <= relative * scale))
        {
            Assert.Fail($"{because}: expected {Show(e)}, got {Show(a)} (difference {Show(a - e)}, tolerance {Show(relative * scale)})");
        }
    }

    public static void InRange(double? value, double low, double high, string because)
    {
        if (value is { } v && !(v >= low && v <= high))
        {
            Assert.Fail($"{because}: {Show(v)} is outside [{Show(low)}, {Show(high)}]");
        }
    }

    public static void Contains(double[] interval, double? point, string because)
    {
        if (interval is not [var low, var high])
        {
            Assert.Fail($"{because}: an interval has two ends, got {interval.Length}");
            return;
        }

        Contains((low, high), point, because);
    }

    public static void Contains((double Low, double High)? interval, double? point, string because)
    {
        if (interval is not { } i)
        {
            return;
        }

        if (point is not { } p)
        {
            Assert.Fail($"{because}: an interval [{Show(i.Low)}, {Show(i.High)}] without a point estimate");
            return;
        }

        if (!(i.Low <= p && p <= i.High))
        {
            Assert.Fail($"{because}: point {Show(p)} is outside its interval [{Show(i.Low)}, {Show(i.High)}]");
        }
    }

    public static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
