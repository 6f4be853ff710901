using System.Text;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>The measured sections of report.html: performance, per-group fairness, and each check's own details.</summary>
public static partial class ReportHtml
{
    private static readonly (string Key, string Name)[] PerformanceMetrics =
    [
        ("accuracy", "Accuracy"), ("precision", "Precision"), ("recall", "Recall (TPR)"), ("f1", "F1"), ("roc_auc", "ROC AUC"),
        ("log_loss", "Log loss"), ("brier", "Brier score"), ("ece", "ECE"), ("base_rate", "Base rate"), ("selection_rate", "Selection rate"),
        ("mae", "MAE"), ("rmse", "RMSE"), ("r2", "R²"),
    ];

    private static void Performance(StringBuilder html, ResultsDocument results)
    {
        var performance = results.Metrics.Performance;
        html.Append("<section id=\"performance\">\n<h2>Performance</h2>\n<div class=\"figures\">\n<table class=\"data metrics\"><thead><tr><th>Metric</th><th class=\"num\">Value</th><th class=\"num\">Interval</th></tr></thead><tbody>\n");
        foreach (var (key, name) in PerformanceMetrics)
        {
            if (Metric(performance, key) is { } value)
            {
                html.Append("<tr><td>").Append(name).Append("</td><td class=\"num\">").Append(Html.Number(value)).Append("</td><td class=\"num\">")
                    .Append(performance.Ci.TryGetValue(key, out var ci) ? Html.Interval(ci) : string.Empty).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
        if (performance.ConfusionMatrix is { } matrix)
        {
            Figure(html, ConfusionMatrixView.Render("all rows", matrix), "Confusion matrix of all rows at the decision threshold.");
        }

        html.Append("</div>\n<div class=\"figures\">\n");
        Figure(html, RocChart.Render(performance, results.Threshold), "ROC curve; the red dot is the decision threshold.");
        Figure(html, ReliabilityChart.Render(performance), "Reliability diagram; points on the diagonal are perfectly calibrated.");
        html.Append("</div>\n</section>\n");
    }

    private static void Fairness(StringBuilder html, ResultsDocument results)
    {
        if (results.Metrics.Fairness.Count == 0)
        {
            return;
        }

        var negative = GroupRatesChart.NegativeFavourable(results);
        html.Append("<section id=\"fairness\">\n<h2>Fairness: rates per group</h2>\n<p class=\"lead\">").Append(FavourableSentence(results, negative)).Append(" Dots are rates, whiskers their ")
            .Append(Html.Percent(results.Bootstrap.Confidence)).Append(" confidence intervals; the grey dashed line is the overall rate, red dashed lines are thresholds of the fairness requirements. Hollow dots marked * are groups too small to decide on.</p>\n");
        var order = results.ProtectedAttributes.Concat(results.Metrics.Fairness.Keys).Distinct(StringComparer.Ordinal).Where(results.Metrics.Fairness.ContainsKey);
        foreach (var attribute in order)
        {
            var section = results.Metrics.Fairness[attribute];
            if (section.Groups.Count == 0)
            {
                continue;
            }

            html.Append("<div class=\"attribute\">\n<h3>").AppendEscaped(attribute).Append("</h3>\n");
            Figure(html, GroupRatesChart.Render(attribute, section, results), null);
            GroupTable(html, attribute, section, negative);
            var matrices = section.Groups.Where(g => g.Value.ConfusionMatrix is not null).ToList();
            if (matrices.Count is > 0 and <= 12)
            {
                html.Append("<p class=\"subhead\">Confusion matrices per group of ").AppendEscaped(attribute).Append("</p>\n<div class=\"figures small\">\n");
                foreach (var (group, data) in matrices)
                {
                    Figure(html, ConfusionMatrixView.Render($"{attribute} = {group}", data.ConfusionMatrix!, 150, favourableAxes: negative), group);
                }

                html.Append("</div>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Which outcome the fairness section measures, in words a reader cannot misread.</summary>
    private static string FavourableSentence(ResultsDocument results, bool negative)
    {
        var threshold = results.Threshold is { } t ? Html.Number(t) : "the threshold";
        return negative
            ? $"The favourable outcome is the <strong>negative class</strong>: a decision is favourable when the score is at or below {threshold}, a label when it is not the positive value. Every rate and count on this page's fairness section is of that outcome: the favourable-outcome rate is the share of favourable decisions, TPR the share of favourable decisions among rows with a favourable label, FPR among rows without."
            : $"The favourable outcome is the <strong>positive class</strong>: a decision is favourable when the score is above {threshold}; the favourable-outcome rate is the selection rate.";
    }

    private static void GroupTable(StringBuilder html, string attribute, AttributeSection section, bool negative)
    {
        html.Append("<table class=\"data groups\"><caption>Per-group rates for ").AppendEscaped(attribute)
            .Append(negative ? " (of the favourable outcome: score at or below the threshold)" : string.Empty)
            .Append("</caption><thead><tr><th>Group</th><th class=\"num\">Rows</th><th class=\"num\">Share</th><th class=\"num\">Favourable-outcome rate</th><th class=\"num\">TPR</th><th class=\"num\">FPR</th><th class=\"num\">Precision</th><th class=\"num\">Accuracy</th><th class=\"num\">TN / FP / FN / TP</th></tr></thead><tbody>\n");
        foreach (var (name, group) in section.Groups)
        {
            html.Append("<tr><td>").AppendEscaped(name).Append("</td><td class=\"num\">").Append(Html.Count(group.Count)).Append("</td><td class=\"num\">")
                .Append(group.Share is { } share ? Html.Percent(share) : string.Empty).Append("</td>");
            foreach (var (key, value) in new[] { ("selection_rate", group.SelectionRate), ("tpr", group.Tpr), ("fpr", group.Fpr) })
            {
                html.Append("<td class=\"num\">").Append(value is null ? "<span class=\"sub\">undefined</span>" : Html.Number(value));
                if (group.Ci.TryGetValue(key, out var ci))
                {
                    html.Append(" <span class=\"sub\">").Append(Html.Interval(ci)).Append("</span>");
                }

                html.Append("</td>");
            }

            html.Append("<td class=\"num\">").Append(Html.Number(group.Precision)).Append("</td><td class=\"num\">").Append(Html.Number(group.Accuracy)).Append("</td><td class=\"num\">")
                .Append(group.ConfusionMatrix is { } m ? $"{Html.Count(m.Tn)} / {Html.Count(m.Fp)} / {Html.Count(m.Fn)} / {Html.Count(m.Tp)}" : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (section.UndefinedRates.Count > 0)
        {
            html.Append("<p class=\"note\">Undefined rates (zero denominator): ").AppendEscaped(string.Join(", ", section.UndefinedRates)).Append("</p>\n");
        }
    }

    private static void CheckDetails(StringBuilder html, ResultsDocument results)
    {
        var cards = new StringBuilder();
        foreach (var check in results.Checks)
        {
            var visuals = DetailsView.Visuals(check);
            var others = DetailsView.Others(check);
            if (visuals.Length == 0 && others.Length == 0)
            {
                continue;
            }

            cards.Append("<article class=\"check\">\n<h3>").Append(Badge(check.Outcome)).Append(' ').AppendEscaped(check.Requirement);
            if (check.Attribute is not null)
            {
                cards.Append(" <span class=\"chip\">").AppendEscaped(check.Attribute).Append("</span>");
            }

            cards.Append(" <code class=\"sub\">").AppendEscaped(check.Id).Append("</code></h3>\n").Append(visuals).Append(others).Append("</article>\n");
        }

        if (cards.Length > 0)
        {
            html.Append("<section id=\"checks\">\n<h2>Checks in detail</h2>\n").Append(cards).Append("</section>\n");
        }
    }

    private static void Figure(StringBuilder html, string? svg, string? caption)
    {
        if (svg is null)
        {
            return;
        }

        html.Append("<figure class=\"figure\">").Append(svg);
        if (caption is not null)
        {
            html.Append("<figcaption>").AppendEscaped(caption).Append("</figcaption>");
        }

        html.Append("</figure>\n");
    }

    private static double? Metric(PerformanceSection p, string key) => key switch
    {
        "accuracy" => p.Accuracy,
        "precision" => p.Precision,
        "recall" => p.Recall,
        "f1" => p.F1,
        "roc_auc" => p.RocAuc,
        "log_loss" => p.LogLoss,
        "brier" => p.Brier,
        "ece" => p.Ece,
        "base_rate" => p.BaseRate,
        "selection_rate" => p.SelectionRate,
        "mae" => p.Mae,
        "rmse" => p.Rmse,
        "r2" => p.R2,
        _ => null,
    };
}
