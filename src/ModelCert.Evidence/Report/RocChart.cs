using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// The ROC curve from results.json's thinned <c>roc</c> points, with the chance diagonal, the AUC and its interval,
/// and the operating point of the decision threshold (from the confusion matrix).
/// </summary>
internal static class RocChart
{
    public static string? Render(PerformanceSection performance, double? threshold)
    {
        if (performance.Roc is not { Fpr.Length: > 1 } roc || roc.Fpr.Length != roc.Tpr.Length)
        {
            return null;
        }

        var auc = performance.RocAuc is { } a
            ? $"AUC {Html.Number(a)}{(performance.Ci.TryGetValue("roc_auc", out var ci) ? " " + Html.Interval(ci) : string.Empty)}"
            : "AUC undefined";
        var chart = new SvgChart(380, 360, "ROC curve", $"True positive rate against false positive rate over all thresholds; {auc}.", (56, 16, 16, 48));
        var x = new LinearScale(0, 1, chart.Left, chart.Right);
        var y = new LinearScale(0, 1, chart.Bottom, chart.Top);
        chart.XAxis(x, x.Ticks(5), "False positive rate").YAxis(y, y.Ticks(5), "True positive rate")
            .Line(x.Map(0), y.Map(0), x.Map(1), y.Map(1), "diagonal")
            .Polygon([.. roc.Fpr.Select((f, i) => (x.Map(f), y.Map(roc.Tpr[i]))), (x.Map(1), y.Map(0))], "area")
            .Polyline(roc.Fpr.Select((f, i) => (x.Map(f), y.Map(roc.Tpr[i]))), "curve");
        if (performance.ConfusionMatrix is { } m && m.Fp + m.Tn > 0 && m.Tp + m.Fn > 0)
        {
            var (fpr, tpr) = ((double)m.Fp / (m.Fp + m.Tn), (double)m.Tp / (m.Tp + m.Fn));
            chart.Circle(x.Map(fpr), y.Map(tpr), 5, "operating", $"threshold {Html.Number(threshold)}: FPR {Html.Number(fpr)}, TPR {Html.Number(tpr)}")
                .Text(x.Map(fpr) + 8, y.Map(tpr) + 14, $"threshold {Html.Number(threshold)}", "note");
        }

        return chart.Text(chart.Right - 8, chart.Bottom - 12, auc, "chart-label", "end").ToString();
    }
}
