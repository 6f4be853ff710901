using System.Text;

namespace ModelCert.Data;

/// <summary>
/// What we decide about a CSV file before DuckDB reads it, so its sniffer has less to guess.
/// <para>
/// The delimiter comes from the extension and the header line. A guessed delimiter hides ragged rows: DuckDB falls
/// back to one column per line instead of reporting the bad row.
/// </para>
/// <para>
/// The quoting is pinned to RFC 4180 (quote <c>"</c>, escaped by doubling) when the rows the sniffer samples contain
/// neither <c>'</c> nor <c>\</c>, the only other quote and escape characters it tries. Its verdict on such rows can only
/// be RFC 4180 or "no quoting seen", and RFC 4180 is the right reading of either; pinning it halves the sniffing time.
/// </para>
/// </summary>
internal readonly record struct CsvDialect(char Delimiter, bool RfcQuoting)
{
    /// <summary>The rows DuckDB's sniffer samples (its <c>sample_size</c> default), and a byte bound on reading them.</summary>
    private const int SnifferRows = 20_480;
    private const int SnifferBytes = 32 << 20;

    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>The dialect of the CSV file at <paramref name="path"/>, from one read of its head.</summary>
    public static CsvDialect Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var delimiter = ChooseDelimiter(path, HeaderLine(buffer, read));
        return new CsvDialect(delimiter, QuotingIsPlain(stream, buffer, read));
    }

    /// <summary>The delimiter as DuckDB's <c>delim</c> option spells it.</summary>
    public static string ToSqlLiteral(char delimiter) => delimiter == '\t' ? @"'\t'" : SqlText.Literal(delimiter.ToString());

    /// <summary>The delimiter as people read it in a message (<c>tab</c> for a tab).</summary>
    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    /// <summary>DuckDB options for the dialect.</summary>
    public string ToSqlOptions() =>
        $"delim = {ToSqlLiteral(Delimiter)}" + (RfcQuoting ? ", quote = '\"', escape = '\"'" : string.Empty);

    /// <summary>The extension's delimiter (tab for .tsv, else comma) when the header contains it, else the candidate the header uses most.</summary>
    private static char ChooseDelimiter(string path, string header)
    {
        var preferred = DatasetFormats.HasExtension(path, ".tsv") ? '\t' : ',';
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

    /// <summary>
    /// True when the header and the sniffer's sample rows hold no <c>'</c> and no <c>\</c>; <paramref name="buffer"/>
    /// holds the first <paramref name="read"/> bytes, and the stream continues after them.
    /// </summary>
    private static bool QuotingIsPlain(FileStream stream, byte[] buffer, int read)
    {
        var lines = 0;
        var total = 0L;
        while (read > 0)
        {
            var block = buffer.AsSpan(0, read);
            var end = block.Length;
            for (var at = 0; at < block.Length && lines <= SnifferRows; at++)
            {
                var next = block[at..].IndexOf((byte)'\n');
                if (next < 0)
                {
                    break;
                }

                at += next;
                lines++;
                end = at + 1;
            }

            if (block[..end].IndexOfAny((byte)'\'', (byte)'\\') >= 0)
            {
                return false;
            }

            total += read;
            if (lines > SnifferRows || total >= SnifferBytes)
            {
                break;
            }

            read = stream.Read(buffer);
        }

        return true;
    }

    /// <summary>The header line: the first line of the first 64K characters (the encoding told by a byte order mark, else UTF-8).</summary>
    private static string HeaderLine(byte[] head, int count)
    {
        const int Limit = 1 << 16;
        using var reader = new StreamReader(new MemoryStream(head, 0, count, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Limit];
        var read = reader.ReadBlock(buffer, 0, Limit);
        var text = new string(buffer, 0, read);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
