namespace ModelCert.Data;

/// <summary>DuckDB refused a statement or failed while running it. The message is DuckDB's own error text.</summary>
public sealed class DuckDbException : Exception
{
    public DuckDbException()
    {
    }

    public DuckDbException(string message)
        : base(message)
    {
    }

    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
