using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Core;

namespace ModelCert.Data;

/// <summary>
/// Turns DuckDB's multi-line errors about a data file into one-line <see cref="InputException"/> messages that name the
/// file and, where DuckDB knows them, the line, column, value found and type expected. Every error DuckDB raises while
/// reading a file becomes one: the file is untrusted input, and a damaged file can drive DuckDB into an internal error
/// or a huge allocation (a Parquet footer claiming gigabytes), which the user must see as a problem with that file.
/// </summary>
internal static partial class DataErrors
{
    private const int MaxValueLength = 100;

    public static InputException Translate(DuckDbException error, DatasetRequest request)
    {
        var message = error.Message;
        var origin = request.Origin;
        if (message.StartsWith("INTERNAL Error", StringComparison.Ordinal) || message.StartsWith("FATAL Error", StringComparison.Ordinal))
        {
            return new InputException($"data file '{origin}' could not be read as {request.FormatName}: DuckDB failed internally on it, so it is probably damaged ({FirstLine(message)})", error);
        }

        if (message.StartsWith("Out of Memory Error", StringComparison.Ordinal))
        {
            return new InputException($"data file '{origin}' could not be read as {request.FormatName}: DuckDB ran out of memory reading it; a damaged file can claim huge sizes ({FirstLine(message)})", error);
        }

        if (request.Format == DatasetFormat.Csv)
        {
            var line = CsvLine().Match(message);
            var conversion = Conversion().Match(message);
            if (line.Success && conversion.Success)
            {
                var expected = ColumnPlan.KindNameOfSqlType(conversion.Groups["type"].Value);
                var source = request.Schema is null ? "the type sniffed from the first rows; give an explicit schema to change it" : "the explicit schema";
                return new InputException(
                    $"data file '{origin}' line {line.Groups["line"].Value}, column '{conversion.Groups["column"].Value}': "
                    + $"found '{Shorten(conversion.Groups["value"].Value)}', expected {expected} ({source})",
                    error);
            }

            var width = ColumnCount().Match(message);
            if (line.Success && width.Success)
            {
                return Ragged(origin, line.Groups["line"].Value, width.Groups["found"].Value, width.Groups["expected"].Value, error);
            }

            if (message.Contains("Error when sniffing file", StringComparison.Ordinal))
            {
                return CsvRaggedRowFinder.Find(request.FullPath, request.Dialect.Delimiter) is { } ragged
                    ? Ragged(
                        origin,
                        ragged.Line.ToString(CultureInfo.InvariantCulture),
                        ragged.Fields.ToString(CultureInfo.InvariantCulture),
                        ragged.Expected.ToString(CultureInfo.InvariantCulture),
                        error)
                    : new InputException(
                        $"data file '{origin}' could not be read as CSV: DuckDB found no consistent quoting with delimiter '{CsvDialect.Describe(request.Dialect.Delimiter)}'; look for an unclosed quote near the top",
                        error);
            }

            if (line.Success)
            {
                return new InputException($"data file '{origin}' line {line.Groups["line"].Value}: {Reason(message)}", error);
            }
        }

        var damaged = request.Format == DatasetFormat.Parquet ? " (damaged, or not a Parquet file)" : string.Empty;
        return new InputException($"data file '{origin}' could not be read as {request.FormatName}{damaged}: {FirstLine(message)}", error);
    }

    /// <summary>The file could not be opened or read (permissions, a device error, a file removed meanwhile).</summary>
    public static InputException Unreadable(string origin, Exception error) =>
        new($"data file '{origin}' cannot be read: {error.Message}", error);

    private static InputException Ragged(string origin, string line, string found, string expected, DuckDbException error) =>
        new($"data file '{origin}' line {line} has {found} fields, expected {expected} as in the header", error);

    /// <summary>DuckDB's first line without its error-class prefix ("Invalid Input Error: ").</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? message : message[..end]).Trim();
        return ErrorClass().Replace(first, string.Empty, 1);
    }

    /// <summary>For CSV errors the reason follows the echoed "Original Line".</summary>
    private static string Reason(string message)
    {
        var lines = message.Split('\n');
        var original = Array.FindIndex(lines, l => l.StartsWith("Original Line:", StringComparison.Ordinal));
        if (original >= 0)
        {
            var reason = lines.Skip(original + 1).FirstOrDefault(l => l.Trim().Length > 0);
            if (reason is not null)
            {
                return reason.Trim();
            }
        }

        // Without an echoed line, the reason is the line after "CSV Error on Line: N" (invalid UTF-8, for one).
        var next = lines.Skip(1).FirstOrDefault(l => l.Trim().Length > 0);
        return next is not null && CsvLine().IsMatch(lines[0]) ? next.Trim() : FirstLine(message);
    }

    private static string Shorten(string value) =>
        value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "...");

    [GeneratedRegex(@"CSV Error on Line: (?<line>\d+)")]
    private static partial Regex CsvLine();

    [GeneratedRegex("""Error when converting column "(?<column>.*)"\. Could not convert string "(?<value>.*)" to '(?<type>[A-Za-z0-9_]+)'""")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"Expected Number of Columns: (?<expected>\d+) Found: (?<found>\d+)")]
    private static partial Regex ColumnCount();

    [GeneratedRegex(@"^[A-Za-z ]*Error: ")]
    private static partial Regex ErrorClass();
}
