namespace ModelCert.Policy;

/// <summary>
/// The outcome of <see cref="PolicyResolver.Resolve"/>: the requirements to evaluate, every policy that took part
/// (with the SHA-256 of its bytes, for the evidence pack), and the requirements left out by scope with the reason.
/// </summary>
public sealed record ResolvedPolicy(
    IReadOnlyList<ResolvedRequirement> Requirements,
    IReadOnlyList<PolicyRef> Policies,
    IReadOnlyList<OutOfScopeRequirement> OutOfScope);

/// <summary>A policy that took part in a resolution; <see cref="Sha256"/> is of the file or pack bytes as read.</summary>
public sealed record PolicyRef(string Name, string Version, string Origin, string Sha256);

/// <summary>A requirement none of whose declarations applies to the submission, with why (the first declaration's reason).</summary>
public sealed record OutOfScopeRequirement(string Id, string Check, PolicyOrigin DeclaredBy, string Reason);
