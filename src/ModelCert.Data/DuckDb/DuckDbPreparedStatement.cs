using System.Text;

namespace ModelCert.Data;

/// <summary>
/// A prepared statement. Its result columns are known after preparing, before anything runs, which is how the
/// readers learn a file's column types without reading it.
/// </summary>
public sealed unsafe class DuckDbPreparedStatement : IDisposable
{
    private readonly DuckDbPreparedHandle _handle;

    internal DuckDbPreparedStatement(DuckDbPreparedHandle handle) => _handle = handle;

    public int ParameterCount => checked((int)DuckDbApi.Instance.ParameterCount(Live()));

    /// <summary>
    /// The result's column count as known after preparing. DuckDB reports a single column of type
    /// <see cref="DuckDbType.Invalid"/> while a parameter of unknown type leaves the result undetermined; cast such a
    /// parameter in the SQL (<c>CAST(? AS VARCHAR)</c>) to describe the result before binding.
    /// </summary>
    public int ColumnCount => checked((int)DuckDbApi.Instance.PreparedColumnCount(Live()));

    public string GetColumnName(int column)
    {
        CheckColumn(column);
        return DuckDbText.TakeCString(DuckDbApi.Instance.PreparedColumnName(Live(), (ulong)column))
            ?? throw new DuckDbException($"DuckDB has no name for result column {column}.");
    }

    public DuckDbType GetColumnType(int column)
    {
        CheckColumn(column);
        return (DuckDbType)DuckDbApi.Instance.PreparedColumnType(Live(), (ulong)column);
    }

    /// <summary>Binds a text value to parameter <paramref name="index"/> (1-based, as in DuckDB).</summary>
    public void Bind(int index, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, ParameterCount);
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            if (DuckDbApi.Instance.BindVarcharLength(Live(), (ulong)index, pointer, (ulong)bytes.Length) != 0)
            {
                throw new DuckDbException(
                    DuckDbText.FromCString(DuckDbApi.Instance.PrepareError(Live())) ?? $"DuckDB could not bind parameter {index}.");
            }
        }
    }

    /// <summary>Executes the statement with its bound parameters as a streaming result.</summary>
    public DuckDbResult ExecuteStreaming() => ExecuteStreaming(ownsStatement: false);

    public void Dispose() => _handle.Dispose();

    internal DuckDbResult ExecuteStreaming(bool ownsStatement)
    {
        var api = DuckDbApi.Instance;
        var statement = Live();
        nint pending = 0;
        try
        {
            if (api.PendingPreparedStreaming(statement, &pending) != 0)
            {
                var message = pending == 0 ? null : DuckDbText.FromCString(api.PendingError(pending));
                throw new DuckDbException(message ?? DuckDbText.FromCString(api.PrepareError(statement)) ?? "DuckDB could not start the query.");
            }

            var result = new DuckDbResultHandle(_handle);
            if (api.ExecutePending(pending, result.Pointer) != 0)
            {
                var message = DuckDbText.FromCString(api.ResultError(result.Pointer)) ?? DuckDbText.FromCString(api.PendingError(pending));
                result.Dispose();
                throw new DuckDbException(message ?? "DuckDB failed to run the query.");
            }

            return new DuckDbResult(result, ownsStatement ? this : null);
        }
        finally
        {
            api.DestroyPending(&pending);
        }
    }

    private nint Live()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return _handle.Value;
    }

    private void CheckColumn(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
    }
}
