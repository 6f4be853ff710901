using System.Text.Json;

namespace ModelCert.Evidence.Report;

/// <summary>
/// A robustness curve from a check's <c>details.curve</c> (<c>{ x, value, ci_low, ci_high }</c> items, axis names in
/// <c>curve_x</c> / <c>curve_y</c>): the measured value as a line with its confidence interval as a shaded band,
/// and the requirement's threshold as a reference line when it falls in range.
/// </summary>
internal static class CurveChart
{
    public static string? Render(string title, IReadOnlyList<JsonElement> curve, string xLabel, string yLabel, Core.Requirements.Threshold? threshold)
    {
        var points = curve.Select(p => (X: DetailValues.Number(p, "x"), Value: DetailValues.Number(p, "value"), Low: DetailValues.Number(p, "ci_low"), High: DetailValues.Number(p, "ci_high")))
            .Where(p => p.X is { } x && p.Value is { } v && double.IsFinite(x) && double.IsFinite(v))
            .OrderBy(p => p.X)
            .ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var limits = new[] { threshold?.Min, threshold?.Max }.OfType<double>().ToList();
        var values = points.SelectMany(p => new[] { p.Value, p.Low, p.High }).OfType<double>().Where(double.IsFinite).Concat(limits).ToList();
        var (low, high) = Padded(values.Min(), values.Max());
        var chart = new SvgChart(520, 300, title, $"{yLabel} against {xLabel} with confidence band.", (64, 16, 20, 48));
        var xs = points.Select(p => p.X!.Value).ToList();
        var x = new LinearScale(xs.Min(), xs.Max() == xs.Min() ? xs.Min() + 1 : xs.Max(), chart.Left, chart.Right);
        var y = new LinearScale(low, high, chart.Bottom, chart.Top);
        chart.XAxis(x, x.Ticks(6), xLabel).YAxis(y, y.Ticks(5), yLabel);
        var banded = points.Where(p => p.Low is not null && p.High is not null).ToList();
        if (banded.Count > 1)
        {
            chart.Polygon(
                banded.Select(p => (x.Map(p.X!.Value), y.Map(p.High!.Value))).Concat(banded.AsEnumerable().Reverse().Select(p => (x.Map(p.X!.Value), y.Map(p.Low!.Value)))),
                "band");
        }

        foreach (var limit in limits.Where(l => l >= low && l <= high))
        {
            chart.Line(chart.Left, y.Map(limit), chart.Right, y.Map(limit), "reference").Text(chart.Right - 4, y.Map(limit) - 4, $"threshold {Html.Number(limit)}", "reference-label", "end");
        }

        chart.Polyline(points.Select(p => (x.Map(p.X!.Value), y.Map(p.Value!.Value))), "curve");
        foreach (var p in points)
        {
            chart.Circle(x.Map(p.X!.Value), y.Map(p.Value!.Value), 3.5, "dot", $"{xLabel} {Html.Number(p.X)}: {Html.Number(p.Value)} [{Html.Number(p.Low)}, {Html.Number(p.High)}]");
        }

        return chart.ToString();
    }

    /// <summary>A value range with a little room on both sides (and a unit range around a single value).</summary>
    internal static (double Low, double High) Padded(double low, double high)
    {
        if (high - low < 1e-12)
        {
            return (low - 0.5, high + 0.5);
        }

        var pad = (high - low) * 0.08;
        return (low - pad, high + pad);
    }
}
