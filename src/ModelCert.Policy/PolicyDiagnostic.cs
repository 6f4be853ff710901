namespace ModelCert.Policy;

/// <summary>One problem in a policy file, at a 1-based line and column. Printed the way compilers print theirs, so editors can jump to it.</summary>
public sealed record PolicyDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
