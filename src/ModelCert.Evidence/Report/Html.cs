using System.Globalization;
using System.Text;

namespace ModelCert.Evidence.Report;

/// <summary>
/// Small helpers shared by the report's HTML and SVG writers: escaping (every user-supplied text goes through
/// <see cref="Escape"/>) and invariant number formatting, so one document always renders to the same bytes.
/// </summary>
internal static class Html
{
    /// <summary>
    /// HTML-escapes text for element content and quoted attribute values (also inside inline SVG): the five
    /// characters <c>&amp; &lt; &gt; " '</c> become entities; other characters stay as they are (the page is UTF-8).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>A measurement for people: up to four decimals, invariant; empty when absent.</summary>
    public static string Number(double? value) => value switch
    {
        null => string.Empty,
        { } v when double.IsNaN(v) => "NaN",
        { } v when double.IsInfinity(v) => v > 0 ? "∞" : "-∞",
        { } v => (Math.Round(v, 4) + 0.0).ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>A count with thousands separators (invariant).</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with at most one decimal.</summary>
    public static string Percent(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An interval as <c>[low, high]</c>, or empty when there is none.</summary>
    public static string Interval(double[]? ci) => ci is [var low, var high] ? $"[{Number(low)}, {Number(high)}]" : string.Empty;

    /// <summary>A coordinate in SVG user units: two decimals at most, invariant.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static StringBuilder AppendEscaped(this StringBuilder html, string? text) => html.Append(Escape(text));
}
