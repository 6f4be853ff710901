using System.Globalization;
using System.Text;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// report.html: one self-contained page that a reviewer reads before results.json, offline and printable. The verdict
/// and the requirements table come first, then what to do about each failure, the performance and per-group charts
/// (inline SVG we draw ourselves), the checks' own curves and tables, and the lineage with every hash at the end.
/// No script, no external request (a strict Content-Security-Policy forbids them); every user-supplied text is
/// HTML-escaped; the same document always renders to the same bytes.
/// </summary>
public static partial class ReportHtml
{
    public static string Render(ResultsDocument results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var html = new StringBuilder(64 * 1024);
        var model = results.Model.Name + (results.Model.Version is { } version ? " " + version : string.Empty);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"").AppendEscaped(results.Tool.Name + " " + results.Tool.Version).Append("\">\n")
            .Append("<title>ModelCert report: ").AppendEscaped(model).Append("</title>\n<style>\n").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        Header(html, results, model);
        Requirements(html, results);
        Remediation(html, results);
        Performance(html, results);
        Fairness(html, results);
        CheckDetails(html, results);
        Lineage(html, results);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes user text (names, messages, clauses) for element content and attribute values.</summary>
    public static string Escape(string? text) => Html.Escape(text);

    internal static string OutcomeName(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    private static void Header(StringBuilder html, ResultsDocument results, string model)
    {
        var verdict = results.Verdict;
        var summary = results.Summary;
        html.Append("<header class=\"top\">\n<p class=\"kicker\">ModelCert certification report</p>\n<h1>").AppendEscaped(model).Append("</h1>\n")
            .Append("<p class=\"meta\">").AppendEscaped(TaskName(results.Task)).Append(" · profile ").AppendEscaped(results.Profile)
            .Append(" · decision threshold ").Append(Html.Number(results.Threshold) is { Length: > 0 } t ? t : "n/a")
            .Append(" · ").Append(Html.Count(results.Metrics.Performance.N)).Append(" test rows · created ")
            .Append(results.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append("</p>\n</header>\n")
            .Append("<section class=\"verdict verdict-").Append(CssToken(verdict)).Append("\" aria-label=\"Verdict\">\n")
            .Append("<p class=\"verdict-label\">Verdict</p>\n<p id=\"verdict\" class=\"verdict-value\">").Append(VerdictSymbol(verdict)).Append(' ').AppendEscaped(VerdictText(verdict)).Append("</p>\n")
            .Append("<p class=\"verdict-why\">").AppendEscaped(VerdictWhy(verdict)).Append("</p>\n<ul class=\"counts\">");
        foreach (var (outcome, count) in new[] { (Outcome.Pass, summary.Pass), (Outcome.Fail, summary.Fail), (Outcome.Review, summary.Review), (Outcome.Warn, summary.Warn), (Outcome.Error, summary.Error), (Outcome.Skipped, summary.Skipped) })
        {
            html.Append("<li><span class=\"count\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</span> ").Append(OutcomeName(outcome)).Append("</li>");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void Requirements(StringBuilder html, ResultsDocument results)
    {
        html.Append("<section id=\"requirements-section\">\n<h2>Requirements</h2>\n");
        if (results.Checks.Count == 0)
        {
            html.Append("<p class=\"empty\">No requirement was checked.</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"requirements\" class=\"data requirements\">\n<thead><tr><th>Outcome</th><th>Requirement</th><th class=\"num\">Value</th><th class=\"num\">Interval</th><th>Threshold</th><th>Clauses</th><th>Finding</th></tr></thead>\n<tbody>\n");
        foreach (var check in results.Checks)
        {
            html.Append("<tr class=\"row-").Append(OutcomeName(check.Outcome)).Append("\"><td>").Append(Badge(check.Outcome)).Append("</td><td><span class=\"req-id\">").AppendEscaped(check.Requirement).Append("</span>");
            if (check.Attribute is not null)
            {
                html.Append(" <span class=\"chip\">").AppendEscaped(check.Attribute).Append("</span>");
            }

            if (check.Title is not null)
            {
                html.Append("<br><span class=\"sub\">").AppendEscaped(check.Title).Append("</span>");
            }

            html.Append("<br><code class=\"sub\">").AppendEscaped(check.Id).Append("</code></td>")
                .Append("<td class=\"num value\">").Append(Html.Number(check.Value)).Append("</td><td class=\"num\">").Append(Html.Interval(check.Ci));
            if (check.Ci is not null && check.Confidence is { } confidence)
            {
                html.Append("<br><span class=\"sub\">").Append(Html.Percent(confidence)).Append(" CI</span>");
            }

            if (IntervalGlyph.Render(check) is { } glyph)
            {
                html.Append(glyph);
            }

            html.Append("</td><td class=\"threshold\">").AppendEscaped(ThresholdText(check.Threshold));
            if (check.ThresholdSource is not null)
            {
                html.Append("<br><span class=\"sub\">").AppendEscaped(check.ThresholdSource).Append("</span>");
            }

            html.Append("</td><td>");
            if (check.References.Count > 0)
            {
                html.Append("<ul class=\"clauses\">");
                foreach (var reference in check.References)
                {
                    html.Append("<li>").AppendEscaped(reference).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td><td class=\"message\">").AppendEscaped(check.Message).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Remediation(StringBuilder html, ResultsDocument results)
    {
        var open = results.Checks.Where(c => c.Outcome is Outcome.Fail or Outcome.Review or Outcome.Warn or Outcome.Error).ToList();
        if (open.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"remediation\">\n<h2>What to do</h2>\n");
        foreach (var check in open)
        {
            html.Append("<article class=\"finding finding-").Append(OutcomeName(check.Outcome)).Append("\">\n<h3>").Append(Badge(check.Outcome)).Append(' ').AppendEscaped(check.Requirement);
            if (check.Attribute is not null)
            {
                html.Append(" <span class=\"chip\">").AppendEscaped(check.Attribute).Append("</span>");
            }

            html.Append("</h3>\n<p class=\"finding-message\">").AppendEscaped(check.Message).Append("</p>\n")
                .Append("<p class=\"finding-action\"><strong>Remediation:</strong> ")
                .AppendEscaped(check.Remediation ?? "No remediation text was given by the policy; a validator should judge this finding.").Append("</p>\n")
                .Append(DetailsView.Remediation(check)).Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    internal static string Badge(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "<span class=\"badge badge-pass\">✓ pass</span>",
        Outcome.Fail => "<span class=\"badge badge-fail\">✗ fail</span>",
        Outcome.Review => "<span class=\"badge badge-review\">? review</span>",
        Outcome.Warn => "<span class=\"badge badge-warn\">! warn</span>",
        Outcome.Error => "<span class=\"badge badge-error\">‼ error</span>",
        _ => "<span class=\"badge badge-skipped\">– skipped</span>",
    };

    private static string VerdictText(string verdict) => verdict switch
    {
        "certified" => "Certified",
        "conditional" => "Conditional",
        "needs_review" => "Needs review",
        "rejected" => "Rejected",
        "error" => "Error",
        _ => verdict,
    };

    private static string VerdictSymbol(string verdict) => verdict switch
    {
        "certified" => "✓",
        "conditional" => "!",
        "needs_review" => "?",
        "rejected" => "✗",
        _ => "‼",
    };

    private static string VerdictWhy(string verdict) => verdict switch
    {
        "certified" => "Every requirement passed.",
        "conditional" => "No requirement failed, but some raised warnings; see what to do below.",
        "needs_review" => "Some results need a validator's judgment before the model can be certified.",
        "rejected" => "At least one blocking requirement failed; see what to do below.",
        "error" => "At least one requirement could not be evaluated.",
        _ => "Unknown verdict.",
    };

    /// <summary>The threshold with mathematical signs (results.json and the CSV keep the plain form).</summary>
    private static string ThresholdText(Threshold? threshold) => threshold?.ToString().Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal) ?? string.Empty;

    private static string TaskName(string task) => task.Replace('_', ' ');

    /// <summary>A CSS class fragment from a closed vocabulary; anything else becomes "other".</summary>
    private static string CssToken(string value) => value is "certified" or "conditional" or "needs_review" or "rejected" or "error" ? value.Replace('_', '-') : "other";
}
