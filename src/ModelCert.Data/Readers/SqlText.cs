namespace ModelCert.Data;

/// <summary>Quoting for the few values we must put into SQL text (DuckDB's table functions need literal file paths).</summary>
internal static class SqlText
{
    /// <summary>A single-quoted string literal; quotes are doubled, nothing else is special in DuckDB literals.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A double-quoted identifier, so any column name (spaces, quotes, keywords) is taken as is.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
