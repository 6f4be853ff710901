namespace ModelCert.Data;

/// <summary>
/// A (streaming) query result, read chunk by chunk with <see cref="FetchChunk"/>. Disposing destroys the native
/// result, whether it was read to the end, abandoned half-way or failed.
/// </summary>
public sealed unsafe class DuckDbResult : IDisposable
{
    private readonly DuckDbResultHandle _handle;
    private readonly DuckDbPreparedStatement? _ownedStatement;
    private readonly string[] _names;
    private readonly DuckDbType[] _types;

    internal DuckDbResult(DuckDbResultHandle handle, DuckDbPreparedStatement? ownedStatement)
    {
        _handle = handle;
        _ownedStatement = ownedStatement;
        var api = DuckDbApi.Instance;
        var count = checked((int)api.ColumnCount(handle.Pointer));
        _names = new string[count];
        _types = new DuckDbType[count];
        for (var column = 0; column < count; column++)
        {
            _names[column] = DuckDbText.FromCString(api.ColumnName(handle.Pointer, (ulong)column)) ?? string.Empty;
            _types[column] = (DuckDbType)api.ColumnType(handle.Pointer, (ulong)column);
        }
    }

    public int ColumnCount => _names.Length;

    public string GetColumnName(int column) => _names[column];

    public DuckDbType GetColumnType(int column) => _types[column];

    /// <summary>
    /// The next chunk of rows (at most DuckDB's vector size, 2048), or null after the last one. The caller disposes
    /// the chunk; the data it points to lives until then. Throws <see cref="DuckDbException"/> when the query fails
    /// while producing rows (a bad CSV line, say).
    /// </summary>
    public DuckDbDataChunk? FetchChunk()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var api = DuckDbApi.Instance;
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            while (true)
            {
                var chunk = api.FetchChunk(*_handle.Pointer);
                if (chunk == 0)
                {
                    var error = DuckDbText.FromCString(api.ResultError(_handle.Pointer));
                    return error is null ? null : throw new DuckDbException(error);
                }

                var owned = new DuckDbDataChunkHandle(chunk);
                if (api.DataChunkGetSize(chunk) > 0)
                {
                    return new DuckDbDataChunk(owned, _types);
                }

                owned.Dispose();
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    public void Dispose()
    {
        _handle.Dispose();
        _ownedStatement?.Dispose();
    }
}
