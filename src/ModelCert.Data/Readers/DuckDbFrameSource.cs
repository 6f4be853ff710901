using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Streams a DuckDB result as frames of <see cref="DatasetReadOptions.ChunkRows"/> rows, in the file's row order.
/// Owns the database, connection and result; disposing (also half-way) releases them all.
/// </summary>
internal sealed class DuckDbFrameSource : IFrameSource
{
    private const int InitialCapacity = 1 << 14;

    private readonly DatasetRequest _request;
    private readonly DuckDbDatabase _database;
    private readonly DuckDbConnection _connection;
    private readonly DuckDbResult _result;
    private readonly ColumnBuffer[] _buffers;
    private readonly int _chunkRows;
    private DuckDbDataChunk? _current;
    private int _currentOffset;
    private int _capacity;
    private int _startCapacity;
    private bool _exhausted;
    private bool _disposed;

    public DuckDbFrameSource(
        DatasetRequest request, DuckDbDatabase database, DuckDbConnection connection, DuckDbResult result, IReadOnlyList<ColumnPlan> plans)
    {
        _request = request;
        _database = database;
        _connection = connection;
        _result = result;
        _chunkRows = request.Options.ChunkRows;
        _startCapacity = Math.Min(_chunkRows, InitialCapacity);
        _buffers = [.. plans.Select(ColumnBuffer.Create)];
        Schema = new FrameSchema([.. plans.Select(p => new ColumnSchema(p.Name, p.Kind))]);
    }

    public string Origin => _request.Origin;

    public FrameSchema Schema { get; }

    public Frame? ReadChunk()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = 0;
        while (rows < _chunkRows && NextDuckDbChunk() is { } chunk)
        {
            var take = Math.Min(chunk.RowCount - _currentOffset, _chunkRows - rows);
            Reserve(rows + take);
            for (var column = 0; column < _buffers.Length; column++)
            {
                _buffers[column].Append(chunk, column, _currentOffset, take, rows);
            }

            rows += take;
            _currentOffset += take;
            if (_currentOffset == chunk.RowCount)
            {
                chunk.Dispose();
                _current = null;
            }
        }

        if (rows == 0)
        {
            return null;
        }

        var columns = new Column[_buffers.Length];
        for (var column = 0; column < columns.Length; column++)
        {
            columns[column] = _buffers[column].Build(rows);
        }

        // The columns now own the buffers' arrays. After a full chunk the next is likely full too: start it at full size.
        _capacity = 0;
        if (rows == _chunkRows)
        {
            _startCapacity = _chunkRows;
        }

        return new Frame(columns, rows);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _current?.Dispose();
        _result.Dispose();
        _connection.Dispose();
        _database.Dispose();
    }

    private DuckDbDataChunk? NextDuckDbChunk()
    {
        if (_current is not null || _exhausted)
        {
            return _current;
        }

        try
        {
            _current = _result.FetchChunk();
        }
        catch (DuckDbException error)
        {
            throw DataErrors.Translate(error, _request);
        }

        _currentOffset = 0;
        _exhausted = _current is null;
        return _current;
    }

    /// <summary>Grows every buffer to hold <paramref name="rows"/> rows (doubling, at most the chunk size).</summary>
    private void Reserve(int rows)
    {
        if (_capacity == 0)
        {
            _capacity = _startCapacity;
            Resize();
        }

        if (rows > _capacity)
        {
            _capacity = (int)Math.Min(_chunkRows, Math.Max(rows, 2L * _capacity));
            Resize();
        }
    }

    private void Resize()
    {
        foreach (var buffer in _buffers)
        {
            buffer.EnsureCapacity(_capacity);
        }
    }
}
