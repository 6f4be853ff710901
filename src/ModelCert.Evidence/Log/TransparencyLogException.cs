namespace ModelCert.Evidence.Log;

/// <summary>
/// The local transparency log cannot be appended to: it is damaged, truncated, rewritten, or belongs to another key
/// or origin. Appending would sign over the damage, so we stop; <c>modelcert log verify</c> says exactly what is wrong.
/// </summary>
public sealed class TransparencyLogException : Exception
{
    public TransparencyLogException()
    {
    }

    public TransparencyLogException(string message)
        : base(message)
    {
    }

    public TransparencyLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
