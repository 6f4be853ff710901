using ModelCert.Core.Requirements;

namespace ModelCert.Policy;

/// <summary>
/// One requirement after merging every in-scope declaration of its id: strictest threshold and actions, with the
/// policy that set each threshold side (<see cref="MinSetBy"/>, <see cref="MaxSetBy"/>) and all that declared it.
/// Its parameters, threshold and actions are Core's own types, so <see cref="ResolvedRequirementExtensions.ToCoreRequirement"/>
/// only adds the provenance in words.
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
