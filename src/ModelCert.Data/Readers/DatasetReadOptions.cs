using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>How <see cref="DatasetReader"/> reads a file.</summary>
public sealed record DatasetReadOptions
{
    /// <summary>Rows per <see cref="Frame"/> chunk handed out by a streaming source.</summary>
    public int ChunkRows { get; init; } = 1 << 17;

    /// <summary>The file format; null picks it from the file extension.</summary>
    public DatasetFormat? Format { get; init; }

    /// <summary>
    /// CSV only: the columns (names and kinds, in file order) instead of sniffing types. The header must name the same
    /// columns in the same order; every value must fit its kind.
    /// </summary>
    public IReadOnlyList<ColumnSchema>? Schema { get; init; }

    /// <summary>DuckDB worker threads; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Read only these columns (in the file's order), so a large file costs memory only for what is used.
    /// Null reads every column. A name the file lacks is an <see cref="Core.InputException"/> naming the closest ones.
    /// </summary>
    public IReadOnlyCollection<string>? Columns { get; init; }
}
