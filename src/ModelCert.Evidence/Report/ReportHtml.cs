using System.Globalization;
using System.Net;
using System.Text;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// report.html: one self-contained page (no external requests) that a reviewer reads before results.json. The
/// verdict and the requirements table come first; every user-supplied text is HTML-escaped.
/// </summary>
public static class ReportHtml
{
    public static string Render(ResultsDocument results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>ModelCert report: ").Append(Escape(results.Model.Name)).Append("</title>\n</head>\n<body>\n")
            .Append("<h1>").Append(Escape(results.Model.Name)).Append("</h1>\n")
            .Append("<p id=\"verdict\" class=\"verdict\">Verdict: <strong>").Append(Escape(results.Verdict)).Append("</strong></p>\n")
            .Append("<table id=\"requirements\">\n<thead><tr><th>Requirement</th><th>Check</th><th>Outcome</th><th>Value</th><th>Interval</th><th>Threshold</th><th>Clauses</th></tr></thead>\n<tbody>\n");
        foreach (var check in results.Checks)
        {
            html.Append("<tr><td>").Append(Escape(check.Requirement)).Append(check.Attribute is null ? string.Empty : " (" + Escape(check.Attribute) + ")")
                .Append("</td><td>").Append(Escape(check.Id))
                .Append("</td><td>").Append(Escape(check.Outcome.ToString().ToLowerInvariant()))
                .Append("</td><td>").Append(Number(check.Value))
                .Append("</td><td>").Append(check.Ci is [var low, var high] ? $"[{Number(low)}, {Number(high)}]" : string.Empty)
                .Append("</td><td>").Append(Escape(check.Threshold?.ToString() ?? string.Empty))
                .Append("</td><td>").Append(Escape(string.Join("; ", check.References)))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes user text (names, messages, clauses) for element content and attribute values.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
}
