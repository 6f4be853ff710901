using System.Globalization;

using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Builds the SQL that reads a file: the table function call, a first prepare to learn the column types without
/// reading the data, and the final SELECT that casts every column to one of the four physical types.
/// </summary>
internal static class DatasetQuery
{
    /// <summary>
    /// Prepares the query that reads the file and plans its columns. Preparing runs DuckDB's sniffer (for CSV, a tenth
    /// of a second on a large file), so when no column needs a cast the describing statement itself is returned for
    /// execution; otherwise a second statement with the casts replaces it.
    /// </summary>
    public static (DuckDbPreparedStatement Statement, IReadOnlyList<ColumnPlan> Plans) Prepare(
        DuckDbConnection connection, DatasetRequest request)
    {
        if (request.Schema is { } schema)
        {
            CheckHeader(connection, request, schema);
        }

        var scan = Scan(request, allVarchar: false);
        var statement = connection.Prepare($"SELECT * FROM {scan}");
        try
        {
            var plans = Plan(statement, request);
            if (plans.Length == 0)
            {
                throw new InputException($"data file '{request.Origin}' has no columns");
            }

            var kept = Project(plans, request);
            if (kept.Count != plans.Length || plans.Any(p => p.NeedsCast))
            {
                statement.Dispose();
                statement = connection.Prepare($"SELECT {string.Join(", ", kept.Select(p => p.SelectExpression))} FROM {scan}");
            }

            return (statement, kept);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The planned columns that <see cref="DatasetReadOptions.Columns"/> asks for, in file order.</summary>
    private static List<ColumnPlan> Project(ColumnPlan[] plans, DatasetRequest request)
    {
        if (request.Options.Columns is not { } wanted)
        {
            return [.. plans];
        }

        var names = plans.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(w => !names.Contains(w)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(
                $"data file '{request.Origin}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; columns: {string.Join(", ", plans.Select(p => $"'{p.Name}'"))}");
        }

        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        return [.. plans.Where(p => keep.Contains(p.Name))];
    }

    /// <summary>The file's columns and kinds, from DuckDB's sniffer, without reading the data.</summary>
    public static FrameSchema Describe(DuckDbConnection connection, DatasetRequest request)
    {
        var scan = Scan(request, allVarchar: false);
        using var statement = connection.Prepare($"SELECT * FROM {scan}");
        return new FrameSchema([.. Plan(statement, request).Select(p => new ColumnSchema(p.Name, p.Kind))]);
    }

    /// <summary>The statement's columns as DuckDB types them, with names a frame can use (<see cref="CheckNames"/>).</summary>
    private static ColumnPlan[] Plan(DuckDbPreparedStatement statement, DatasetRequest request)
    {
        var plans = new ColumnPlan[statement.ColumnCount];
        for (var column = 0; column < plans.Length; column++)
        {
            plans[column] = ColumnPlan.For(statement.GetColumnName(column), statement.GetColumnType(column));
        }

        CheckNames(plans, request);
        return plans;
    }

    /// <summary>
    /// Column names as DuckDB reports them through its C API, which ends a name at a NUL character: a header name
    /// made of a NUL (or starting with one) arrives empty, and "a" beside "a&lt;NUL&gt;b" arrives twice. Neither can name a
    /// frame column, so both are refused with the column's position.
    /// </summary>
    private static void CheckNames(ColumnPlan[] plans, DatasetRequest request)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < plans.Length; column++)
        {
            var name = plans[column].Name;
            if (name.Length == 0)
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"data file '{request.Origin}' column {column + 1}: found an empty name (a NUL character?), expected a column name"));
            }

            if (!seen.TryAdd(name, column))
            {
                throw new InputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"data file '{request.Origin}' column {column + 1}: found the name '{name}' again (first at column {seen[name] + 1}), expected distinct column names"));
            }
        }
    }

    private static string Scan(DatasetRequest request, bool allVarchar)
    {
        var path = SqlText.Literal(request.FullPath);
        switch (request.Format)
        {
            case DatasetFormat.Parquet:
                return $"read_parquet({path})";
            case DatasetFormat.JsonLines:
                return DatasetFormats.HasExtension(request.FullPath, ".json")
                    ? $"read_json({path})"
                    : $"read_json({path}, format = 'newline_delimited')";
            default:
                var options = $"header = true, {request.Dialect.ToSqlOptions()}, "
                    + "strict_mode = true, null_padding = false, ignore_errors = false";
                if (allVarchar)
                {
                    options += ", all_varchar = true";
                }
                else if (request.Schema is { } schema)
                {
                    var columns = schema.Select(c => $"{SqlText.Literal(c.Name)}: '{ColumnPlan.SqlTypeOf(c.Kind)}'");
                    options += $", columns = {{{string.Join(", ", columns)}}}";
                }

                return $"read_csv({path}, {options})";
        }
    }

    /// <summary>
    /// DuckDB takes explicit CSV columns positionally and silently renames the header; a schema listing the columns
    /// in another order would then read the wrong values, so the header must match it exactly.
    /// </summary>
    private static void CheckHeader(DuckDbConnection connection, DatasetRequest request, IReadOnlyList<ColumnSchema> schema)
    {
        using var statement = connection.Prepare($"SELECT * FROM {Scan(request, allVarchar: true)}");
        var header = new string[statement.ColumnCount];
        for (var column = 0; column < header.Length; column++)
        {
            header[column] = statement.GetColumnName(column);
        }

        if (!header.SequenceEqual(schema.Select(c => c.Name), StringComparer.Ordinal))
        {
            throw new InputException(
                $"data file '{request.Origin}' has columns ({string.Join(", ", header)}) but the explicit schema expects "
                + $"({string.Join(", ", schema.Select(c => c.Name))}), in this order");
        }
    }
}
