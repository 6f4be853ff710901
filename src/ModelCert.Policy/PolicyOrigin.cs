namespace ModelCert.Policy;

/// <summary>
/// Which policy said something, and where: the policy's name and version, its origin (the file path as given, or
/// builtin:NAME) and the 1-based line of the statement. The unit of provenance in resolved policies.
/// </summary>
public sealed record PolicyOrigin(string Name, string Version, string Origin, int Line);
