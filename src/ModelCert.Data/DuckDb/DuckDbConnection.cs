namespace ModelCert.Data;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe; one streaming result at a time (starting another
/// statement on the same connection ends the previous stream).
/// </summary>
public sealed unsafe class DuckDbConnection : IDisposable
{
    private readonly DuckDbConnectionHandle _handle;

    internal DuckDbConnection(DuckDbConnectionHandle handle) => _handle = handle;

    /// <summary>Runs one or more statements whose results are not needed (SET, CREATE, COPY ...).</summary>
    public void Execute(string sql)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var api = DuckDbApi.Instance;
        var text = DuckDbText.ToCString(sql, nameof(sql));
        var result = default(DuckDbNativeResult);
        try
        {
            int state;
            fixed (byte* textPointer = text)
            {
                state = api.Query(_handle.Value, textPointer, &result);
            }

            if (state != 0)
            {
                throw new DuckDbException(DuckDbText.FromCString(api.ResultError(&result)) ?? "DuckDB failed to run the statement.");
            }
        }
        finally
        {
            api.DestroyResult(&result);
        }
    }

    /// <summary>Prepares one statement; bind its <c>?</c> or <c>$n</c> parameters before executing it.</summary>
    public DuckDbPreparedStatement Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var api = DuckDbApi.Instance;
        var text = DuckDbText.ToCString(sql, nameof(sql));
        nint prepared = 0;
        int state;
        fixed (byte* textPointer = text)
        {
            state = api.Prepare(_handle.Value, textPointer, &prepared);
        }

        var handle = new DuckDbPreparedHandle(prepared, _handle);
        if (state != 0)
        {
            var message = prepared == 0 ? null : DuckDbText.FromCString(api.PrepareError(prepared));
            handle.Dispose();
            throw new DuckDbException(message ?? "DuckDB failed to prepare the statement.");
        }

        return new DuckDbPreparedStatement(handle);
    }

    /// <summary>
    /// Runs a query as a streaming result: rows are produced as chunks are fetched, so a result larger than memory
    /// can be read. The returned result owns the statement it was prepared from.
    /// </summary>
    public DuckDbResult Query(string sql)
    {
        var statement = Prepare(sql);
        try
        {
            return statement.ExecuteStreaming(ownsStatement: true);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();
}
