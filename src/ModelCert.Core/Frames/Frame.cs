namespace ModelCert.Core.Frames;

/// <summary>
/// A set of equally long typed columns: a whole dataset, or one chunk of a streamed one.
/// Column names are unique (ordinal comparison).
/// </summary>
public sealed class Frame
{
    private readonly Dictionary<string, int> _index;

    public Frame(IReadOnlyList<Column> columns, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != rowCount)
            {
                throw new ArgumentException(
                    $"Column '{columns[i].Name}' has {columns[i].Length} rows, expected {rowCount}.", nameof(columns));
            }

            if (!_index.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"Column name '{columns[i].Name}' occurs twice.", nameof(columns));
            }
        }

        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<Column> Columns { get; }

    public int RowCount { get; }

    public FrameSchema Schema => new([.. Columns.Select(c => new ColumnSchema(c.Name, c.Kind))]);

    public Column this[string name] =>
        TryGetColumn(name, out var column)
            ? column
            : throw new KeyNotFoundException($"No column '{name}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.");

    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        column = _index.TryGetValue(name, out var i) ? Columns[i] : null;
        return column is not null;
    }
}
