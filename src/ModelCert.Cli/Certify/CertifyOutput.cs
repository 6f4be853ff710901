using System.Globalization;
using System.Security;
using System.Text;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;
using Spectre.Console;

namespace ModelCert.Cli.Certify;

/// <summary>
/// What certify prints: a table for people, the results JSON for scripts, JUnit XML for CI servers, and Markdown
/// for pull-request comments. Every failure carries a one-line reason and a remediation hint.
/// </summary>
internal static class CertifyOutput
{
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "junit", "markdown"];

    public static void Write(string format, ResultsDocument document, CliConsole console)
    {
        switch (format)
        {
            case "json":
                console.Out.WriteLine(ResultsJson.Serialize(document));
                break;
            case "junit":
                console.Out.Write(Junit(document));
                break;
            case "markdown":
                console.Out.Write(Markdown(document));
                break;
            default:
                Table(document, console.CreateTerminal());
                break;
        }
    }

    public static string Interval(double[]? ci) =>
        ci is [var low, var high] ? string.Create(CultureInfo.InvariantCulture, $"[{low:0.###}, {high:0.###}]") : "-";

    public static string Value(double? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    public static string Name(CheckResult check) => check.Attribute is null ? check.Requirement : $"{check.Requirement} [{check.Attribute}]";

    private static void Table(ResultsDocument document, IAnsiConsole terminal)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("requirement").AddColumn(new TableColumn("value").RightAligned()).AddColumn("interval")
            .AddColumn("threshold").AddColumn("outcome");
        foreach (var check in document.Checks)
        {
            table.AddRow(
                Markup.Escape(Name(check)),
                Value(check.Value),
                Markup.Escape(Interval(check.Ci)),
                Markup.Escape(check.Threshold?.ToString() ?? "-"),
                Colour(check.Outcome));
        }

        terminal.Write(table);
        foreach (var check in document.Checks.Where(c => c.Outcome is not (Outcome.Pass or Outcome.Skipped)))
        {
            terminal.MarkupLine($"{Colour(check.Outcome)} {Markup.Escape(Name(check))}: {Markup.Escape(check.Message)}");
            if (check.Remediation is { } remediation)
            {
                terminal.MarkupLine($"  [grey]what to do:[/] {Markup.Escape(remediation)}");
            }
        }

        var s = document.Summary;
        terminal.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"verdict: [bold]{document.Verdict}[/] ({s.Pass} pass, {s.Fail} fail, {s.Review} review, {s.Warn} warn, {s.Error} error, {s.Skipped} skipped)"));
    }

    private static string Colour(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "[green]pass[/]",
        Outcome.Fail => "[red]fail[/]",
        Outcome.Review => "[yellow]review[/]",
        Outcome.Warn => "[yellow]warn[/]",
        Outcome.Error => "[red]error[/]",
        _ => "[grey]skipped[/]",
    };

    private static string Junit(ResultsDocument document)
    {
        var text = new StringBuilder();
        var s = document.Summary;
        text.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"modelcert\" tests=\"{document.Checks.Count}\" failures=\"{s.Fail + s.Review}\" errors=\"{s.Error}\" skipped=\"{s.Skipped}\">\n");
        text.Append(CultureInfo.InvariantCulture, $"  <testsuite name=\"{Xml(document.Model.Name)}\" tests=\"{document.Checks.Count}\" failures=\"{s.Fail + s.Review}\" errors=\"{s.Error}\" skipped=\"{s.Skipped}\" timestamp=\"{document.CreatedAt:yyyy-MM-ddTHH:mm:ss}\">\n");
        foreach (var check in document.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"    <testcase classname=\"{Xml(check.Id)}\" name=\"{Xml(Name(check))}\">");
            var body = Xml(check.Message + (check.Remediation is null ? string.Empty : $" What to do: {check.Remediation}"));
            text.Append(check.Outcome switch
            {
                Outcome.Fail or Outcome.Review => $"<failure type=\"{check.Outcome.ToString().ToLowerInvariant()}\" message=\"{body}\">{body}</failure>",
                Outcome.Error => $"<error message=\"{body}\">{body}</error>",
                Outcome.Skipped => $"<skipped message=\"{body}\"/>",
                Outcome.Warn => $"<system-out>warning: {body}</system-out>",
                _ => string.Empty,
            });
            text.Append("</testcase>\n");
        }

        text.Append("  </testsuite>\n</testsuites>\n");
        return text.ToString();
    }

    private static string Markdown(ResultsDocument document)
    {
        var text = new StringBuilder();
        var s = document.Summary;
        text.Append(CultureInfo.InvariantCulture, $"### ModelCert: {Cell(document.Model.Name)} is **{document.Verdict}**\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{s.Pass} pass, {s.Fail} fail, {s.Review} review, {s.Warn} warn, {s.Error} error, {s.Skipped} skipped\n\n");
        text.Append("| requirement | value | interval | threshold | outcome |\n|---|---:|---|---|---|\n");
        foreach (var check in document.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(Name(check))} | {Value(check.Value)} | {Interval(check.Ci)} | {Cell(check.Threshold?.ToString() ?? "-")} | {check.Outcome.ToString().ToLowerInvariant()} |\n");
        }

        var problems = document.Checks.Where(c => c.Outcome is not (Outcome.Pass or Outcome.Skipped)).ToList();
        if (problems.Count > 0)
        {
            text.Append("\n**Findings**\n\n");
            foreach (var check in problems)
            {
                text.Append(CultureInfo.InvariantCulture, $"- **{Cell(Name(check))}** ({check.Outcome.ToString().ToLowerInvariant()}): {Cell(check.Message)}");
                text.Append(check.Remediation is null ? "\n" : $" *What to do:* {Cell(check.Remediation)}\n");
            }
        }

        return text.ToString();
    }

    private static string Xml(string value) => SecurityElement.Escape(value);

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
