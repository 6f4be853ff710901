using ModelCert.Core.Evaluation;

namespace ModelCert.Evidence.Report;

/// <summary>
/// A small picture for a requirements-table row: the confidence interval as a bar, the value as a dot, and the
/// threshold as a red tick with the side that misses it shaded, so a reader sees at once whether the interval
/// clears, misses or straddles the threshold.
/// </summary>
internal static class IntervalGlyph
{
    private const double Width = 150;
    private const double Height = 22;

    public static string? Render(CheckResult check)
    {
        if (check.Value is not { } value || !double.IsFinite(value) || check.Threshold is not { } threshold)
        {
            return null;
        }

        var (low, high) = check.Ci is [var l, var h] && double.IsFinite(l) && double.IsFinite(h) ? (l, h) : (value, value);
        var limits = new[] { threshold.Min, threshold.Max }.OfType<double>().Where(double.IsFinite).ToList();
        if (limits.Count == 0)
        {
            return null;
        }

        var all = limits.Append(low).Append(high).Append(value).ToList();
        var (from, to) = CurveChart.Padded(all.Min(), all.Max());
        var chart = new SvgChart(Width, Height, $"Interval of {check.Requirement} against its threshold", $"Value {Html.Number(value)}, interval [{Html.Number(low)}, {Html.Number(high)}], threshold {threshold}.", (4, 2, 4, 2));
        var x = new LinearScale(from, to, chart.Left, chart.Right);
        var middle = Height / 2;
        if (threshold.Min is { } min && double.IsFinite(min))
        {
            chart.Rect(chart.Left, 2, x.Map(min) - chart.Left, Height - 4, "miss");
        }

        if (threshold.Max is { } max && double.IsFinite(max))
        {
            chart.Rect(x.Map(max), 2, chart.Right - x.Map(max), Height - 4, "miss");
        }

        chart.Line(chart.Left, middle, chart.Right, middle, "grid");
        foreach (var limit in limits)
        {
            chart.Line(x.Map(limit), 1, x.Map(limit), Height - 1, "limit");
        }

        return chart.Line(x.Map(low), middle, x.Map(high), middle, "interval")
            .Circle(x.Map(value), middle, 3.5, "dot")
            .ToString().Replace("class=\"chart\"", "class=\"chart glyph\"", StringComparison.Ordinal);
    }
}
