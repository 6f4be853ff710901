namespace ModelCert.Core;

/// <summary>
/// Input from a user (a file, a flag, a policy) that we cannot use. The message names the file and, where known,
/// the row, the column, the value found and the value expected, in one line; the CLI prints it as is and exits 2.
/// </summary>
public class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
