using System.Text;
using System.Text.Json;
using ModelCert.Core.Evaluation;

namespace ModelCert.Evidence.Report;

/// <summary>
/// A check's details, drawn by their shape: <c>curve</c> as a line chart with an interval band, <c>slices</c> as a
/// table, <c>importance</c> as a bar chart with whiskers, <c>remediation</c> as a small table; anything else as a
/// compact key/value list.
/// </summary>
internal static class DetailsView
{
    private static readonly string[] SliceColumns = ["slice", "size", "error", "effect", "p_value", "q_value"];

    /// <summary>The charts and tables of the details (curve, slices, importance); empty when there are none.</summary>
    public static string Visuals(CheckResult check)
    {
        var html = new StringBuilder();
        var name = check.Requirement + (check.Attribute is null ? string.Empty : $" [{check.Attribute}]");
        if (DetailValues.Objects(check.Details, "curve") is { } curve
            && CurveChart.Render($"{name}: curve", curve, DetailValues.Text(check.Details, "curve_x") ?? "x", DetailValues.Text(check.Details, "curve_y") ?? "value", check.Threshold) is { } svg)
        {
            html.Append("<figure class=\"figure\">").Append(svg).Append("<figcaption>").AppendEscaped(name).Append("</figcaption></figure>\n");
        }

        if (DetailValues.Objects(check.Details, "importance") is { } importance && ImportanceChart.Render($"{name}: importance", importance) is { } bars)
        {
            html.Append("<figure class=\"figure\">").Append(bars).Append("<figcaption>").AppendEscaped(name).Append(": importance</figcaption></figure>\n");
        }

        if (DetailValues.Objects(check.Details, "slices") is { Count: > 0 } slices)
        {
            html.Append("<table class=\"data slices\"><caption>Slices: ").AppendEscaped(name).Append("</caption><thead><tr>");
            foreach (var column in SliceColumns)
            {
                html.Append("<th>").Append(column.Replace('_', ' ')).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var slice in slices)
            {
                html.Append("<tr>");
                foreach (var column in SliceColumns)
                {
                    html.Append(column == "slice" ? "<td>" : "<td class=\"num\">").AppendEscaped(DetailValues.Field(slice, column)).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>\n");
        }

        return html.ToString();
    }

    /// <summary>The fairness remediation helper's object (thresholds per group, before/after figures) as a table.</summary>
    public static string Remediation(CheckResult check)
    {
        if (DetailValues.Get(check.Details, "remediation") is not { } remediation)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<table class=\"data remediation\"><caption>Suggested remediation</caption><tbody>");
        if (remediation.ValueKind != JsonValueKind.Object)
        {
            html.Append("<tr><td>").AppendEscaped(DetailValues.Display(remediation)).Append("</td></tr>");
        }
        else
        {
            foreach (var property in remediation.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var inner in property.Value.EnumerateObject())
                    {
                        html.Append("<tr><th>").AppendEscaped(Label(property.Name)).Append(": ").AppendEscaped(inner.Name).Append("</th>").Append(Cell(inner.Value))
                            .AppendEscaped(DetailValues.Display(inner.Value)).Append("</td></tr>");
                    }
                }
                else
                {
                    html.Append("<tr><th>").AppendEscaped(Label(property.Name)).Append("</th>").Append(Cell(property.Value)).AppendEscaped(DetailValues.Display(property.Value)).Append("</td></tr>");
                }
            }
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    /// <summary>Every other detail as a compact key/value list; empty when there is none.</summary>
    public static string Others(CheckResult check)
    {
        if (check.Details is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder();
        foreach (var (key, value) in check.Details.Where(d => !IsDrawn(check, d.Key)))
        {
            var text = DetailValues.Display(DetailValues.ToJson(value));
            html.Append("<dt>").AppendEscaped(Label(key)).Append("</dt><dd>").AppendEscaped(text.Length > 600 ? text[..599] + "…" : text).Append("</dd>");
        }

        return html.Length == 0 ? string.Empty : "<dl class=\"details\">" + html + "</dl>\n";
    }

    private static string Label(string key) => key.Replace('_', ' ');

    private static string Cell(JsonElement value) => value.ValueKind == JsonValueKind.Number ? "<td class=\"num\">" : "<td>";

    /// <summary>Whether a detail is already drawn as a chart or table (one of an unexpected shape is listed instead).</summary>
    private static bool IsDrawn(CheckResult check, string key) => key switch
    {
        "curve" or "curve_x" or "curve_y" => DetailValues.Objects(check.Details, "curve") is not null,
        "slices" or "importance" => DetailValues.Objects(check.Details, key) is not null,
        "remediation" => check.Outcome is not (Core.Requirements.Outcome.Pass or Core.Requirements.Outcome.Skipped),
        _ => false,
    };
}
