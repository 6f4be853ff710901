using System.Text;

namespace ModelCert.Data;

/// <summary>
/// One chunk of a result: a vector per column, flat, in DuckDB's memory. The spans it hands out are valid only until
/// the chunk is disposed. Validity bitmaps follow DuckDB: bit <c>row &amp; 63</c> of word <c>row &gt;&gt; 6</c>,
/// an empty span meaning every row is valid.
/// </summary>
public sealed unsafe class DuckDbDataChunk : IDisposable
{
    private readonly DuckDbDataChunkHandle _handle;
    private readonly DuckDbType[] _types;
    private readonly nint[] _data;
    private readonly nint[] _validity;

    internal DuckDbDataChunk(DuckDbDataChunkHandle handle, DuckDbType[] types)
    {
        _handle = handle;
        _types = types;
        var api = DuckDbApi.Instance;
        RowCount = checked((int)api.DataChunkGetSize(handle.Value));
        var columns = checked((int)api.DataChunkGetColumnCount(handle.Value));
        _data = new nint[columns];
        _validity = new nint[columns];
        for (var column = 0; column < columns; column++)
        {
            var vector = api.DataChunkGetVector(handle.Value, (ulong)column);
            _data[column] = (nint)api.VectorGetData(vector);
            _validity[column] = (nint)api.VectorGetValidity(vector);
        }
    }

    public int RowCount { get; }

    public int ColumnCount => _data.Length;

    public DuckDbType GetColumnType(int column) => _types[column];

    public ReadOnlySpan<long> GetInt64Values(int column) => new(Data(column, DuckDbType.BigInt), RowCount);

    public ReadOnlySpan<double> GetDoubleValues(int column) => new(Data(column, DuckDbType.Double), RowCount);

    /// <summary>BOOLEAN values as bytes, 0 or 1 (undefined for missing rows).</summary>
    public ReadOnlySpan<byte> GetBooleanValues(int column) => new(Data(column, DuckDbType.Boolean), RowCount);

    public ReadOnlySpan<ulong> GetValidity(int column)
    {
        Live();
        var bits = (ulong*)_validity[column];
        return bits is null ? default : new ReadOnlySpan<ulong>(bits, (RowCount + 63) >> 6);
    }

    public bool IsValid(int column, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        var bits = GetValidity(column);
        return bits.IsEmpty || (bits[row >> 6] & (1UL << (row & 63))) != 0;
    }

    /// <summary>A VARCHAR value as a new string (null when missing). For bulk reads use the readers' dictionary encoding.</summary>
    public string? GetString(int column, int row)
    {
        if (!IsValid(column, row))
        {
            return null;
        }

        var entry = (byte*)Data(column, DuckDbType.Varchar) + ((long)row * 16);
        return Encoding.UTF8.GetString(DuckDbStrings.Bytes(entry));
    }

    /// <summary>The raw vector data (16-byte <c>duckdb_string_t</c> entries for VARCHAR).</summary>
    internal void* GetData(int column) => (void*)_data[column];

    internal ulong* GetValidityPointer(int column) => (ulong*)_validity[column];

    public void Dispose() => _handle.Dispose();

    private void* Data(int column, DuckDbType expected)
    {
        Live();
        if (_types[column] != expected)
        {
            throw new InvalidOperationException($"Column {column} is {_types[column]}, not {expected}.");
        }

        return (void*)_data[column];
    }

    private void Live() => ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
}
