using System.Text.Json;

namespace ModelCert.Evidence.Report;

/// <summary>
/// Feature importance from a check's <c>details.importance</c> (<c>{ feature, value, ci_low, ci_high }</c>) as
/// horizontal bars, largest first, each with its confidence interval as a whisker.
/// </summary>
internal static class ImportanceChart
{
    private const double RowHeight = 22;

    public static string? Render(string title, IReadOnlyList<JsonElement> importance)
    {
        var rows = importance.Select(i => (Feature: DetailValues.Field(i, "feature"), Value: DetailValues.Number(i, "value"), Low: DetailValues.Number(i, "ci_low"), High: DetailValues.Number(i, "ci_high")))
            .Where(r => r.Value is { } v && double.IsFinite(v))
            .OrderByDescending(r => r.Value)
            .ThenBy(r => r.Feature, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var labelWidth = Math.Clamp(rows.Max(r => Math.Min(r.Feature.Length, 32)) * 6.6, 80, 220);
        var chart = new SvgChart(620, 40 + (rows.Count * RowHeight) + 44, title, "Importance per feature with confidence intervals, largest first.", (labelWidth + 12, 16, 20, 44));
        var values = rows.SelectMany(r => new[] { r.Value, r.Low, r.High }).OfType<double>().Where(double.IsFinite).Append(0).ToList();
        var (low, high) = CurveChart.Padded(Math.Min(0, values.Min()), values.Max());
        var x = new LinearScale(values.Min() >= 0 ? 0 : low, high, chart.Left, chart.Right);
        chart.XAxis(x, x.Ticks(5), "Importance");
        for (var i = 0; i < rows.Count; i++)
        {
            var (feature, value, ciLow, ciHigh) = rows[i];
            var y = chart.Top + 8 + (i * RowHeight);
            var (from, to) = (x.Map(Math.Min(0, value!.Value)), x.Map(Math.Max(0, value.Value)));
            chart.Text(chart.Left - 8, y + (RowHeight / 2) + 2, feature.Length > 32 ? feature[..31] + "…" : feature, "group-label", "end")
                .Rect(from, y + 3, to - from, RowHeight - 8, "bar", $"{feature}: {Html.Number(value)} [{Html.Number(ciLow)}, {Html.Number(ciHigh)}]");
            if (ciLow is { } l && ciHigh is { } h)
            {
                var mid = y + (RowHeight / 2) - 1;
                chart.Line(x.Map(l), mid, x.Map(h), mid, "whisker").Line(x.Map(l), mid - 4, x.Map(l), mid + 4, "whisker").Line(x.Map(h), mid - 4, x.Map(h), mid + 4, "whisker");
            }
        }

        return chart.Line(x.Map(0), chart.Top, x.Map(0), chart.Bottom, "axis").ToString();
    }
}
