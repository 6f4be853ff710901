using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Core;

namespace ModelCert.Data;

/// <summary>
/// Turns DuckDB's multi-line errors about a data file into one-line <see cref="InputException"/> messages that name the
/// file and, where DuckDB knows them, the line, column, value found and type expected. Engine failures (internal
/// errors, out of memory) stay <see cref="DuckDbException"/>: they are not the file's fault.
/// </summary>
internal static partial class DataErrors
{
    private const int MaxValueLength = 100;

    public static Exception Translate(DuckDbException error, DatasetRequest request)
    {
        var message = error.Message;
        if (message.StartsWith("INTERNAL Error", StringComparison.Ordinal)
            || message.StartsWith("FATAL Error", StringComparison.Ordinal)
            || message.StartsWith("Out of Memory Error", StringComparison.Ordinal))
        {
            return error;
        }

        var origin = request.Origin;
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

            if (message.Contains("Error when sniffing file", StringComparison.Ordinal)
                && CsvRaggedRowFinder.Find(request.FullPath, request.Dialect.Delimiter) is { } ragged)
            {
                return Ragged(
                    origin,
                    ragged.Line.ToString(CultureInfo.InvariantCulture),
                    ragged.Fields.ToString(CultureInfo.InvariantCulture),
                    ragged.Expected.ToString(CultureInfo.InvariantCulture),
                    error);
            }

            if (line.Success)
            {
                return new InputException($"data file '{origin}' line {line.Groups["line"].Value}: {Reason(message)}", error);
            }
        }

        return new InputException($"data file '{origin}' could not be read as {request.FormatName}: {FirstLine(message)}", error);
    }

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

        return FirstLine(message);
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
