using System.Text;

namespace ModelCert.Data;

/// <summary>
/// Picks the CSV delimiter from the extension and the header line, so DuckDB's sniffer never has to guess it. A
/// guessed delimiter hides ragged rows: DuckDB falls back to one column per line instead of reporting the bad row.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>The extension's delimiter (tab for .tsv, else comma) when the header contains it, else the candidate the header uses most.</summary>
    public static char Choose(string path)
    {
        var preferred = DatasetFormats.HasExtension(path, ".tsv") ? '\t' : ',';
        var header = ReadHeaderLine(path);
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        if (counts[Array.IndexOf(Candidates, preferred)] > 0)
        {
            return preferred;
        }

        var best = preferred;
        var bestCount = 0;
        for (var i = 0; i < Candidates.Length; i++)
        {
            if (counts[i] > bestCount)
            {
                best = Candidates[i];
                bestCount = counts[i];
            }
        }

        return best;
    }

    /// <summary>The delimiter as DuckDB's <c>delim</c> option spells it.</summary>
    public static string ToSqlLiteral(char delimiter) => delimiter == '\t' ? @"'\t'" : SqlText.Literal(delimiter.ToString());

    private static string ReadHeaderLine(string path)
    {
        const int Limit = 1 << 16;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Limit];
        var read = reader.ReadBlock(buffer, 0, Limit);
        var text = new string(buffer, 0, read);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
