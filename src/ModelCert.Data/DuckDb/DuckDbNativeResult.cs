using System.Runtime.InteropServices;

namespace ModelCert.Data;

/// <summary>
/// The C <c>duckdb_result</c> struct: six pointer-sized fields (48 bytes on 64-bit), all opaque to us.
/// <c>duckdb_fetch_chunk</c> takes it by value, every other function by pointer.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbNativeResult
{
    public nint DeprecatedColumnCount;
    public nint DeprecatedRowCount;
    public nint DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}
