using System.Globalization;
using System.Text;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// CSV exports of the report's tables (the requirements and the per-group rates), for spreadsheets. RFC 4180: comma
/// separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled. Text cells are
/// neutralised against formula injection: a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it. Numbers
/// are written by us (invariant, round-trip) and never neutralised, so a negative number stays a number.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] RequirementColumns =
        ["requirement", "check", "title", "attribute", "outcome", "value", "ci_low", "ci_high", "confidence", "threshold_min", "threshold_max", "threshold_source", "sample_size", "references", "message", "remediation"];

    private static readonly string[] GroupColumns =
        ["attribute", "group", "count", "share", "selection_rate", "selection_rate_ci_low", "selection_rate_ci_high", "tpr", "tpr_ci_low", "tpr_ci_high", "fpr", "fpr_ci_low", "fpr_ci_high", "fnr", "precision", "accuracy", "tn", "fp", "fn", "tp"];

    /// <summary>One row per entry of results.json's <c>checks</c>.</summary>
    public static string Requirements(ResultsDocument results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder();
        Header(csv, RequirementColumns);
        foreach (var check in results.Checks)
        {
            Row(csv, [
                Text(check.Requirement), Text(check.Id), Text(check.Title), Text(check.Attribute), Text(ReportHtml.OutcomeName(check.Outcome)),
                Number(check.Value), Number(check.Ci is [var low, _] ? low : null), Number(check.Ci is [_, var high] ? high : null), Number(check.Confidence),
                Number(check.Threshold?.Min), Number(check.Threshold?.Max), Text(check.ThresholdSource), Number(check.SampleSize),
                Text(string.Join("; ", check.References)), Text(check.Message), Text(check.Remediation),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One row per group of every protected attribute and intersection in <c>metrics.fairness</c>.</summary>
    public static string Groups(ResultsDocument results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder();
        Header(csv, GroupColumns);
        foreach (var (attribute, section) in results.Metrics.Fairness)
        {
            foreach (var (name, group) in section.Groups)
            {
                var m = group.ConfusionMatrix;
                Row(csv, [
                    Text(attribute), Text(name), Number(group.Count), Number(group.Share),
                    Number(group.SelectionRate), .. Ci(group, "selection_rate"), Number(group.Tpr), .. Ci(group, "tpr"), Number(group.Fpr), .. Ci(group, "fpr"),
                    Number(group.Fnr), Number(group.Precision), Number(group.Accuracy), Number(m?.Tn), Number(m?.Fp), Number(m?.Fn), Number(m?.Tp),
                ]);
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// A text cell, neutralised and quoted: a leading <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR gets an
    /// apostrophe in front; then the RFC 4180 quoting.
    /// </summary>
    public static string Text(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return Quote(text);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Number(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string[] Ci(GroupSection group, string key) =>
        group.Ci.TryGetValue(key, out var ci) && ci is [var low, var high] ? [Number(low), Number(high)] : [string.Empty, string.Empty];

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void Header(StringBuilder csv, string[] columns) => csv.Append(string.Join(',', columns)).Append("\r\n");

    private static void Row(StringBuilder csv, string[] cells) => csv.Append(string.Join(',', cells)).Append("\r\n");
}
