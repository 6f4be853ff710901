namespace ModelCert.Data;

/// <summary>
/// Reads DuckDB's 16-byte <c>duckdb_string_t</c>: a uint32 length, then up to 12 bytes inline, or (longer strings)
/// a 4-byte prefix and a pointer at offset 8 that is valid only while its chunk lives.
/// </summary>
internal static unsafe class DuckDbStrings
{
    public const int InlineLength = 12;

    public static int Length(byte* entry) => (int)*(uint*)entry;

    public static ReadOnlySpan<byte> Bytes(byte* entry)
    {
        var length = Length(entry);
        return length <= InlineLength
            ? new ReadOnlySpan<byte>(entry + 4, length)
            : new ReadOnlySpan<byte>(*(byte**)(entry + 8), length);
    }
}
