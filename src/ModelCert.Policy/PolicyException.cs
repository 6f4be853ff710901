using ModelCert.Core;

namespace ModelCert.Policy;

/// <summary>
/// One or more policy files cannot be used. Thrown once with every problem found, so a policy author fixes them all in
/// one pass; the message is the diagnostics, one per line.
/// </summary>
public sealed class PolicyException : InputException
{
    public PolicyException()
        : this([])
    {
    }

    public PolicyException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public PolicyException(IReadOnlyList<PolicyDiagnostic> diagnostics)
        : base(string.Join('\n', diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }
}
