using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// Per-group rates of one protected attribute (or intersection) as a dot-and-whisker chart: one panel per rate
/// (the favourable-outcome rate, and TPR/FPR of that outcome when labels exist), a dot per group at its rate with its confidence interval as a
/// whisker, the overall rate as a grey line, and each fairness requirement's threshold turned into a reference
/// line on the rate it constrains (a ratio's minimum times the highest group's rate; the highest rate minus a
/// difference's maximum). Groups too small to be decided on are drawn hollow and starred.
/// </summary>
internal static class GroupRatesChart
{
    private const double RowHeight = 24;
    private const double PanelGap = 28;

    private static readonly (string Key, string Title)[] Rates = [("selection_rate", "Favourable-outcome rate"), ("tpr", "True positive rate"), ("fpr", "False positive rate")];

    private static readonly (string Key, string Title)[] NegativeRates =
        [("selection_rate", "Favourable-outcome rate"), ("tpr", "TPR of the favourable outcome"), ("fpr", "FPR of the favourable outcome")];

    /// <summary>Whether the results measure fairness on the negative class (<c>favourable: negative</c>).</summary>
    public static bool NegativeFavourable(ResultsDocument results) =>
        string.Equals(results.Favourable, FavourableOutcomes.Name(FavourableOutcome.Negative), StringComparison.Ordinal);

    public static string? Render(string attribute, AttributeSection section, ResultsDocument results)
    {
        var negative = NegativeFavourable(results);
        var groups = section.Groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var checks = results.Checks.Where(c => c.Attribute == attribute && c.Id.StartsWith("fairness.", StringComparison.Ordinal)).ToList();
        var small = SmallGroups(checks, groups.Select(g => (g.Key, g.Value.Count)));
        var panels = (negative ? NegativeRates : Rates).Where(r => groups.Any(g => Rate(g.Value, r.Key) is not null)).ToList();
        if (panels.Count == 0 || groups.Count == 0)
        {
            return null;
        }

        var labelWidth = Math.Clamp(groups.Max(g => Label(g.Key, g.Value.Count, small.Contains(g.Key)).Length) * 7.1, 90, 260);
        const double width = 1040;
        var chart = new SvgChart(
            width,
            48 + (groups.Count * RowHeight) + 44,
            $"Per-group rates for {attribute}",
            $"{string.Join(", ", panels.Select(p => p.Title))} of each group of {attribute} with {Html.Percent(results.Bootstrap.Confidence)} confidence intervals, against the overall rate and the thresholds of the fairness requirements.",
            (labelWidth + 12, 40, 16, 44));
        var panelWidth = ((chart.Right - chart.Left) - (PanelGap * (panels.Count - 1))) / panels.Count;
        for (var i = 0; i < groups.Count; i++)
        {
            var (name, group) = groups[i];
            var y = RowY(chart, i);
            if (i % 2 == 0)
            {
                chart.Rect(0, y - (RowHeight / 2), width, RowHeight, "band-row");
            }

            chart.Text(chart.Left - 10, y + 4, Label(name, group.Count, small.Contains(name)), small.Contains(name) ? "group-label small" : "group-label", "end");
        }

        for (var p = 0; p < panels.Count; p++)
        {
            var (key, title) = panels[p];
            var left = chart.Left + (p * (panelWidth + PanelGap));
            var references = References(key, checks, groups, small);
            var high = groups.Select(g => Math.Max(Rate(g.Value, key) ?? 0, Interval(g.Value, key) is { } ci ? ci[1] : 0))
                .Concat(references.Select(r => r.Value)).DefaultIfEmpty(0).Max();
            var scale = new LinearScale(0, Math.Min(1, Math.Max(0.1, Math.Ceiling(high * 1.08 * 10) / 10)), left, left + panelWidth);
            Panel(chart, scale, title);
            if (Overall(results.Metrics.Performance, key, negative) is { } overall)
            {
                var x = scale.Map(overall);
                chart.Line(x, chart.Top - 4, x, chart.Bottom, "overall");
            }

            foreach (var (value, label) in references)
            {
                var x = scale.Map(value);
                chart.Line(x, chart.Top - 4, x, chart.Bottom, "reference").Text(x + 3, chart.Top - 6, label, "reference-label");
            }

            for (var i = 0; i < groups.Count; i++)
            {
                Whisker(chart, scale, RowY(chart, i), groups[i].Key, groups[i].Value, key, title, small.Contains(groups[i].Key));
            }
        }

        return chart.ToString();
    }

    /// <summary>Groups named by a fairness check as too small to decide on, or, without such a check, under 30 rows.</summary>
    public static HashSet<string> SmallGroups(IReadOnlyList<CheckResult> checks, IEnumerable<(string Name, long Count)> groups)
    {
        var named = checks.Select(c => DetailValues.Get(c.Details, "small_groups"))
            .Where(e => e is { ValueKind: System.Text.Json.JsonValueKind.Array })
            .SelectMany(e => e!.Value.EnumerateArray().Select(DetailValues.Display))
            .ToHashSet(StringComparer.Ordinal);
        var decided = checks.Any(c => DetailValues.Get(c.Details, "small_groups") is not null);
        return decided ? named : groups.Where(g => g.Count < 30).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A group's rate, or null when it is undefined (or not a finite number).</summary>
    public static double? Rate(GroupSection group, string key) => (key switch
    {
        "selection_rate" => group.SelectionRate,
        "tpr" => group.Tpr,
        "fpr" => group.Fpr,
        _ => null,
    }) is { } rate && double.IsFinite(rate) ? rate : null;

    private static double[]? Interval(GroupSection group, string key) =>
        group.Ci.TryGetValue(key, out var ci) && ci is [var low, var high] && double.IsFinite(low) && double.IsFinite(high) ? ci : null;

    private static double RowY(SvgChart chart, int row) => chart.Top + 8 + (row * RowHeight) + (RowHeight / 2);

    private static string Label(string name, long count, bool small)
    {
        var shown = name.Length > 30 ? name[..29] + "…" : name;
        return $"{shown} (n={Html.Count(count)}){(small ? " *" : string.Empty)}";
    }

    private static void Panel(SvgChart chart, LinearScale scale, string title)
    {
        var bottom = chart.Bottom;
        foreach (var tick in scale.Ticks(4))
        {
            var x = scale.Map(tick);
            chart.Line(x, chart.Top, x, bottom, "grid").Line(x, bottom, x, bottom + 4, "axis").Text(x, bottom + 16, Html.Number(tick), "tick", "middle");
        }

        chart.Line(scale.RangeLow, bottom, scale.RangeHigh, bottom, "axis")
            .Text((scale.RangeLow + scale.RangeHigh) / 2, bottom + 34, title, "axis-label", "middle")
            .Text(scale.RangeLow, 16, title, "panel-title");
    }

    private static void Whisker(SvgChart chart, LinearScale scale, double y, string name, GroupSection group, string key, string title, bool small)
    {
        if (Rate(group, key) is not { } rate)
        {
            chart.Text(scale.RangeLow + 4, y + 4, "undefined (zero denominator)", "note");
            return;
        }

        var tooltip = $"{name}: {title.ToLowerInvariant()} {Html.Number(rate)}";
        if (Interval(group, key) is [var low, var high])
        {
            var (x1, x2) = (scale.Map(low), scale.Map(high));
            chart.Line(x1, y, x2, y, "whisker").Line(x1, y - 5, x1, y + 5, "whisker").Line(x2, y - 5, x2, y + 5, "whisker");
            tooltip += $" [{Html.Number(low)}, {Html.Number(high)}]";
        }

        chart.Circle(scale.Map(rate), y, 4.5, small ? "dot small" : "dot", tooltip + string.Create(CultureInfo.InvariantCulture, $", n={group.Count}"));
    }

    /// <summary>
    /// The overall rate of the outcome the groups are measured on: the performance section is about the positive class,
    /// so with the negative class favourable the favourable-outcome rate is 1 - selection rate, its TPR the TNR and its
    /// FPR the FNR.
    /// </summary>
    private static double? Overall(PerformanceSection performance, string key, bool negative) => (key, negative) switch
    {
        ("selection_rate", false) => performance.SelectionRate,
        ("selection_rate", true) => 1 - performance.SelectionRate,
        ("tpr", false) => performance.Recall,
        ("tpr", true) => performance.ConfusionMatrix is { } m && m.Tn + m.Fp > 0 ? (double)m.Tn / (m.Tn + m.Fp) : null,
        ("fpr", false) => performance.ConfusionMatrix is { } m && m.Fp + m.Tn > 0 ? (double)m.Fp / (m.Fp + m.Tn) : null,
        ("fpr", true) => performance.ConfusionMatrix is { } m && m.Fn + m.Tp > 0 ? (double)m.Fn / (m.Fn + m.Tp) : null,
        _ => null,
    };

    /// <summary>Reference lines a fairness requirement puts on the rate <paramref name="key"/>, from the decided groups.</summary>
    private static List<(double Value, string Label)> References(string key, List<CheckResult> checks, List<KeyValuePair<string, GroupSection>> groups, HashSet<string> small)
    {
        var lines = new List<(double Value, string Label)>();
        var rates = groups.Where(g => !small.Contains(g.Key)).Select(g => Rate(g.Value, key)).OfType<double>().ToList();
        if (rates.Count == 0)
        {
            return lines;
        }

        foreach (var check in checks)
        {
            var constrains = check.Id switch
            {
                "fairness.demographic-parity-ratio" or "fairness.demographic-parity-difference" => key == "selection_rate",
                "fairness.equal-opportunity-ratio" or "fairness.equal-opportunity-difference" => key == "tpr",
                "fairness.equalized-odds-ratio" or "fairness.equalized-odds-difference" => key is "tpr" or "fpr",
                _ => false,
            };
            if (!constrains || check.Threshold is null)
            {
                continue;
            }

            var highest = rates.Max();
            (double, string)? line = check.Id.EndsWith("-ratio", StringComparison.Ordinal) && check.Threshold.Min is { } min
                ? (min * highest, $"{Html.Number(min)} × highest")
                : check.Id.EndsWith("-difference", StringComparison.Ordinal) && check.Threshold.Max is { } max
                    ? (Math.Max(0, highest - max), $"highest − {Html.Number(max)}")
                    : null;
            if (line is { } l && !lines.Contains(l))
            {
                lines.Add(l);
            }
        }

        return lines;
    }
}
