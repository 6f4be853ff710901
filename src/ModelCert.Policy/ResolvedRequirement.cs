namespace ModelCert.Policy;

/// <summary>
/// One requirement after merging every in-scope declaration of its id: strictest threshold and actions, with the
/// policy that set each threshold side (<see cref="MinSetBy"/>, <see cref="MaxSetBy"/>) and all that declared it.
/// </summary>
public sealed record ResolvedRequirement(
    string Id,
    string Title,
    string Check,
    RequirementParameters Parameters,
    Threshold Threshold,
    double Confidence,
    FailAction OnFail,
    UncertainAction OnUncertain,
    int MinSample,
    IReadOnlyList<string> References,
    string? Rationale,
    string? Remediation,
    PolicyOrigin? MinSetBy,
    PolicyOrigin? MaxSetBy,
    IReadOnlyList<PolicyOrigin> DeclaredBy);
