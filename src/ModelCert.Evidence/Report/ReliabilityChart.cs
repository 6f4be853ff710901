using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// The reliability diagram: observed positive rate against mean score per score bin, with the diagonal of perfect
/// calibration, the ECE, and beneath it the number of rows in each bin (empty bins are shown as empty).
/// </summary>
internal static class ReliabilityChart
{
    public static string? Render(PerformanceSection performance)
    {
        if (performance.Reliability is not { Count: > 0 } bins)
        {
            return null;
        }

        var ece = performance.Ece is { } e
            ? $"ECE {Html.Number(e)}{(performance.Ci.TryGetValue("ece", out var ci) ? " " + Html.Interval(ci) : string.Empty)}"
            : "ECE undefined";
        var chart = new SvgChart(380, 440, "Reliability diagram", $"Observed positive rate against mean predicted score in {bins.Count} bins, with rows per bin; {ece}.", (56, 16, 16, 128));
        var x = new LinearScale(0, 1, chart.Left, chart.Right);
        var y = new LinearScale(0, 1, chart.Bottom, chart.Top);
        chart.YAxis(y, y.Ticks(5), "Observed positive rate").Line(x.Map(0), y.Map(0), x.Map(1), y.Map(1), "diagonal");
        foreach (var tick in x.Ticks(5))
        {
            chart.Line(x.Map(tick), chart.Top, x.Map(tick), chart.Bottom, "grid");
        }

        chart.Line(chart.Left, chart.Bottom, chart.Right, chart.Bottom, "axis");
        var points = bins.Where(b => b.MeanScore is not null && b.PositiveRate is not null).ToList();
        chart.Polyline(points.Select(b => (x.Map(b.MeanScore!.Value), y.Map(b.PositiveRate!.Value))), "curve");
        foreach (var bin in points)
        {
            chart.Circle(x.Map(bin.MeanScore!.Value), y.Map(bin.PositiveRate!.Value), 4, "dot", $"scores {Html.Number(bin.Low)}-{Html.Number(bin.High)}: mean score {Html.Number(bin.MeanScore)}, positive rate {Html.Number(bin.PositiveRate)}, {Html.Count(bin.Count)} rows");
        }

        // The histogram of bin counts under the diagram shares its x axis.
        var top = chart.Bottom + 18;
        var bottom = chart.Height - 42;
        var most = Math.Max(1, bins.Max(b => b.Count));
        foreach (var bin in bins)
        {
            var height = (bottom - top) * bin.Count / most;
            var (left, right) = (x.Map(bin.Low), x.Map(bin.High));
            chart.Rect(left + 1, bottom - height, right - left - 2, height, "bar", $"{Html.Number(bin.Low)}-{Html.Number(bin.High)}: {Html.Count(bin.Count)} rows")
                .Text((left + right) / 2, bottom - height - 3, Html.Count(bin.Count), "bar-label", "middle");
        }

        chart.Line(chart.Left, bottom, chart.Right, bottom, "axis");
        foreach (var tick in x.Ticks(5))
        {
            chart.Line(x.Map(tick), bottom, x.Map(tick), bottom + 4, "axis").Text(x.Map(tick), bottom + 16, Html.Number(tick), "tick", "middle");
        }

        return chart.Text((chart.Left + chart.Right) / 2, chart.Height - 8, "Mean predicted score (bars: rows per bin)", "axis-label", "middle")
            .Text(chart.Left + 8, chart.Top + 14, ece, "chart-label").ToString();
    }
}
