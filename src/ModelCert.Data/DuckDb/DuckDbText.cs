using System.Runtime.InteropServices;
using System.Text;

namespace ModelCert.Data;

/// <summary>UTF-8 conversions at the C boundary: NUL-terminated arguments in, C strings out.</summary>
internal static unsafe class DuckDbText
{
    /// <summary>The UTF-8 bytes of <paramref name="text"/> plus a terminating NUL.</summary>
    public static byte[] ToCString(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Text passed to DuckDB must not contain a NUL character.", parameterName);
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    public static string? FromCString(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Reads a string DuckDB allocated for us and frees it with <c>duckdb_free</c>.</summary>
    public static string? TakeCString(byte* text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)text);
        }
        finally
        {
            DuckDbApi.Instance.Free(text);
        }
    }
}
