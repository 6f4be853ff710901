using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// How one source column becomes a frame column: its kind and the SQL expression that casts it to one of the four
/// physical types we copy (BIGINT, DOUBLE, BOOLEAN, VARCHAR).
/// </summary>
internal sealed record ColumnPlan(string Name, ColumnKind Kind, string SelectExpression, bool NeedsCast)
{
    public static ColumnPlan For(string name, DuckDbType type)
    {
        var column = SqlText.Identifier(name);
        var (kind, cast) = type switch
        {
            DuckDbType.BigInt => (ColumnKind.Int64, null),
            DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer
                or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger => (ColumnKind.Int64, "BIGINT"),

            // UBIGINT and the 128-bit integers can exceed a long; DOUBLE keeps their magnitude.
            DuckDbType.UBigInt or DuckDbType.HugeInt or DuckDbType.UHugeInt => (ColumnKind.Float64, "DOUBLE"),
            DuckDbType.Double => (ColumnKind.Float64, null),
            DuckDbType.Float or DuckDbType.Decimal => (ColumnKind.Float64, "DOUBLE"),
            DuckDbType.Boolean => (ColumnKind.Boolean, null),
            DuckDbType.Varchar => (ColumnKind.String, null),
            _ => (ColumnKind.String, "VARCHAR"),
        };
        var expression = cast is null ? column : $"CAST({column} AS {cast}) AS {column}";
        return new ColumnPlan(name, kind, expression, cast is not null);
    }

    /// <summary>The DuckDB type an explicit CSV schema asks for.</summary>
    public static string SqlTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Float64 => "DOUBLE",
        ColumnKind.Int64 => "BIGINT",
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.String => "VARCHAR",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    /// <summary>The DuckDB type name as our column kind, for messages (int64 for BIGINT ...).</summary>
    public static string KindNameOfSqlType(string sqlType) => sqlType.ToUpperInvariant() switch
    {
        "BIGINT" => "int64",
        "DOUBLE" => "float64",
        "BOOLEAN" => "boolean",
        "VARCHAR" => "string",
        var other => other,
    };
}
