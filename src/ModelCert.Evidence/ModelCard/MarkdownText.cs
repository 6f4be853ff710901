using System.Globalization;
using System.Text;

namespace ModelCert.Evidence.ModelCard;

/// <summary>
/// Markdown from untrusted text: every character that Markdown or its embedded HTML could read as markup is
/// backslash-escaped, and a line that would start a heading, list, quote or rule is defused, so a submitter's
/// "intended use" can never add a heading, a link, an image or a script to the card. Numbers are invariant.
/// </summary>
internal static class MarkdownText
{
    private const string Significant = "\\`*_[]<>|~&!{}";

    /// <summary>Free text as paragraphs: line breaks kept, markup escaped.</summary>
    public static string Paragraphs(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Trim('\n').Split('\n');
        return string.Join("\n", lines.Select(line => Line(line.TrimEnd())));
    }

    /// <summary>Text inside a line (after a label or list marker): markup escaped, line breaks made spaces.</summary>
    public static string Inline(string text) => Escape(text.ReplaceLineEndings(" "));

    /// <summary>A whole line of text with no block meaning: markup escaped, and a heading, list or quote start defused.</summary>
    private static string Line(string text)
    {
        var escaped = Escape(text.TrimStart());
        if (escaped.Length == 0)
        {
            return escaped;
        }

        // A line-start '#', '-', '+', '=', '>' or "1." would make a heading, list, quote or rule.
        var first = escaped[0];
        if (first is '#' or '-' or '+' or '=' or '>')
        {
            return "\\" + escaped;
        }

        var digits = escaped.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')' ? escaped[..digits] + "\\" + escaped[digits..] : escaped;
    }

    /// <summary>A table cell: one line, pipes escaped.</summary>
    public static string Cell(string? text) => text is null ? "-" : Escape(text.ReplaceLineEndings(" ").Trim());

    /// <summary>Code-like identifiers (ids, digests, file names) as inline code, backticks removed.</summary>
    public static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`";

    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";

    public static string Interval(double[]? ci) => ci is [var low, var high] ? $"[{Number(low)}, {Number(high)}]" : "-";

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Significant.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
        }

        return builder.ToString();
    }
}
