using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>A validated request to read one file: everything checked that can be checked before DuckDB runs.</summary>
internal sealed record DatasetRequest(
    string Origin,
    string FullPath,
    DatasetFormat Format,
    CsvDialect Dialect,
    IReadOnlyList<ColumnSchema>? Schema,
    DatasetReadOptions Options)
{
    public string FormatName => Format switch
    {
        DatasetFormat.Csv => "CSV",
        DatasetFormat.Parquet => "Parquet",
        _ => "JSON lines",
    };

    public static DatasetRequest Create(string path, DatasetReadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkRows, 1, nameof(options));
        if (Directory.Exists(path))
        {
            throw new InputException($"data file '{path}' is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"data file '{path}' does not exist");
        }

        var format = options.Format ?? DatasetFormats.FromPath(path);
        if (options.Schema is { } schema)
        {
            ValidateSchema(path, format, schema);
        }

        try
        {
            return new DatasetRequest(path, Path.GetFullPath(path), format, Inspect(path, format), options.Schema, options);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw DataErrors.Unreadable(path, error);
        }
    }

    /// <summary>What we read of the file ourselves before DuckDB does: emptiness, JSON nesting, the CSV dialect.</summary>
    private static CsvDialect Inspect(string path, DatasetFormat format)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new InputException(format == DatasetFormat.Csv
                ? $"data file '{path}' is empty: no header row"
                : $"data file '{path}' is empty: no columns");
        }

        if (format == DatasetFormat.JsonLines)
        {
            JsonNestingGuard.Check(path, path);
        }

        return format == DatasetFormat.Csv ? CsvDialect.Of(path) : new CsvDialect(',', RfcQuoting: false);
    }

    private static void ValidateSchema(string path, DatasetFormat format, IReadOnlyList<ColumnSchema> schema)
    {
        if (format != DatasetFormat.Csv)
        {
            throw new InputException($"data file '{path}' is {format}: an explicit schema applies to CSV files only");
        }

        if (schema.Count == 0)
        {
            throw new InputException($"the explicit schema for data file '{path}' has no columns");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in schema)
        {
            if (string.IsNullOrEmpty(column.Name) || !seen.Add(column.Name))
            {
                throw new InputException(
                    $"the explicit schema for data file '{path}' names column '{column.Name}' twice or with an empty name");
            }

            if (!Enum.IsDefined(column.Kind))
            {
                throw new InputException($"the explicit schema for data file '{path}' gives column '{column.Name}' an unknown kind {column.Kind}");
            }
        }
    }
}
