using System.Globalization;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The detail keys robustness results share with the report: a curve of a measure over a setting
/// (<c>curve</c>, <c>curve_x</c>, <c>curve_y</c>; points are <c>{x, value, ci_low, ci_high}</c>) and the features
/// that drive a result (<c>drivers</c>). Plain dictionaries and lists, so they read the same in memory and in JSON.
/// </summary>
internal static class RobustnessDetails
{
    /// <summary>Most entries a details list keeps.</summary>
    public const int ListLimit = 50;

    public static Dictionary<string, object?> Point(double x, double? value, (double Low, double High)? interval) => new(StringComparer.Ordinal)
    {
        ["x"] = x,
        ["value"] = value,
        ["ci_low"] = interval?.Low,
        ["ci_high"] = interval?.High,
    };

    public static void AddCurve(Dictionary<string, object?> details, string x, string y, List<Dictionary<string, object?>> points)
    {
        details["curve"] = points;
        details["curve_x"] = x;
        details["curve_y"] = y;
    }

    public static void AddDrivers(Dictionary<string, object?> details, IEnumerable<string> drivers) =>
        details["drivers"] = drivers.Take(ListLimit).ToList();

    /// <summary>"driven by a, b, c" for the message, or null when nothing drives it.</summary>
    public static string? DriverNote(IReadOnlyList<string> drivers, string what) =>
        drivers.Count == 0 ? null : $"{what}: {string.Join(", ", drivers.Take(5))}";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
