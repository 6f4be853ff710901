namespace ModelCert.Data;

/// <summary>A CSV record whose field count differs from the header's.</summary>
internal readonly record struct CsvRaggedRow(long Line, int Fields, int Expected);

/// <summary>
/// Finds the first record with a different number of fields than the header. DuckDB reports such a row with its
/// line number when it meets it while reading, but not when the row falls in the sample its dialect sniffer reads
/// first; then this scan (RFC 4180 quoting, blank lines skipped) names the line instead.
/// </summary>
internal static class CsvRaggedRowFinder
{
    public static CsvRaggedRow? Find(string path, char delimiter)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var state = new ScanState(delimiter);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (state.Accept(b) is { } ragged)
                {
                    return ragged;
                }
            }
        }

        return state.Finish();
    }

    private sealed class ScanState(char delimiter)
    {
        private readonly byte _delimiter = (byte)delimiter;
        private long _line = 1;
        private long _recordLine = 1;
        private int _fields = 1;
        private int _expected = -1;
        private bool _inQuotes;
        private bool _quoteInQuotes;
        private bool _recordHasContent;

        public CsvRaggedRow? Accept(byte b)
        {
            if (_quoteInQuotes)
            {
                _quoteInQuotes = false;
                if (b == (byte)'"')
                {
                    return null;
                }

                _inQuotes = false;
            }

            if (_inQuotes)
            {
                if (b == (byte)'"')
                {
                    _quoteInQuotes = true;
                }
                else if (b == (byte)'\n')
                {
                    _line++;
                }

                return null;
            }

            if (b == (byte)'\n')
            {
                var ragged = EndRecord();
                _line++;
                _recordLine = _line;
                return ragged;
            }

            if (b == (byte)'\r')
            {
                return null;
            }

            _recordHasContent = true;
            if (b == (byte)'"')
            {
                _inQuotes = true;
            }
            else if (b == _delimiter)
            {
                _fields++;
            }

            return null;
        }

        public CsvRaggedRow? Finish() => EndRecord();

        private CsvRaggedRow? EndRecord()
        {
            var fields = _fields;
            var hasContent = _recordHasContent;
            _fields = 1;
            _recordHasContent = false;
            if (!hasContent)
            {
                return null;
            }

            if (_expected < 0)
            {
                _expected = fields;
                return null;
            }

            return fields == _expected ? null : new CsvRaggedRow(_recordLine, fields, _expected);
        }
    }
}
