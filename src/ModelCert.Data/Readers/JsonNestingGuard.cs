using System.Buffers;
using System.Globalization;

using ModelCert.Core;

namespace ModelCert.Data;

/// <summary>
/// Refuses JSON nested deeper than <see cref="MaxDepth"/> before DuckDB reads it. DuckDB's JSON type detection
/// recurses once per level: ten thousand nested objects overflow the native stack and kill the process (no exception
/// can be caught), and a few thousand already take seconds. A data row needs a handful of levels at most.
/// One pass over the bytes, skipping to the next bracket, quote or newline with a vectorised search.
/// </summary>
internal static class JsonNestingGuard
{
    /// <summary>The deepest nesting of objects and arrays accepted in a JSON data file.</summary>
    public const int MaxDepth = 64;

    private static readonly SearchValues<byte> Structural = SearchValues.Create("{}[]\"\n"u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\\n"u8);

    /// <exception cref="InputException">Some value is nested deeper than <see cref="MaxDepth"/>; names the file and line.</exception>
    public static void Check(string fullPath, string origin)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var state = new ScanState();
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (!state.Accept(buffer.AsSpan(0, read)))
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"data file '{origin}' line {state.Line}: JSON nested deeper than {MaxDepth} levels of objects and arrays; a data row needs far fewer"));
            }
        }
    }

    private sealed class ScanState
    {
        private int _depth;
        private bool _inString;
        private bool _escaped;

        public long Line { get; private set; } = 1;

        /// <summary>Scans one block; false as soon as the depth limit is passed.</summary>
        public bool Accept(ReadOnlySpan<byte> block)
        {
            var at = 0;
            while (at < block.Length)
            {
                if (_escaped)
                {
                    _escaped = false;
                    at++;
                    continue;
                }

                var next = block[at..].IndexOfAny(_inString ? InString : Structural);
                if (next < 0)
                {
                    return true;
                }

                at += next;
                if (!Step(block[at]))
                {
                    return false;
                }

                at++;
            }

            return true;
        }

        private bool Step(byte b)
        {
            switch (b)
            {
                case (byte)'\n':
                    Line++;
                    break;
                case (byte)'\\':
                    _escaped = true;
                    break;
                case (byte)'"':
                    _inString = !_inString;
                    break;
                case (byte)'{' or (byte)'[':
                    return ++_depth <= MaxDepth;
                default:
                    // A stray closing bracket is DuckDB's to report with its own message; never go below zero.
                    _depth = Math.Max(0, _depth - 1);
                    break;
            }

            return true;
        }
    }
}
