using ModelCert.Core.Requirements;

namespace ModelCert.Policy;

/// <summary>Hands a resolved requirement to Core's decision engine, adding in words who set its threshold.</summary>
public static class ResolvedRequirementExtensions
{
    /// <summary>Core's view of <paramref name="requirement"/>; <c>Source</c> says who set each threshold side.</summary>
    public static Requirement ToCoreRequirement(this ResolvedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return new Requirement(
            requirement.Id,
            requirement.Title,
            requirement.Check,
            requirement.Parameters,
            requirement.Threshold,
            requirement.Confidence,
            requirement.OnFail,
            requirement.OnUncertain,
            requirement.MinSample,
            requirement.References,
            requirement.Rationale,
            requirement.Remediation,
            Source(requirement));
    }

    private static string? Source(ResolvedRequirement requirement) => (requirement.MinSetBy, requirement.MaxSetBy) switch
    {
        ({ } min, { } max) when min == max => Describe(min),
        ({ } min, { } max) => $"min: {Describe(min)}; max: {Describe(max)}",
        ({ } min, null) => Describe(min),
        (null, { } max) => Describe(max),
        _ => null,
    };

    private static string Describe(PolicyOrigin origin) => $"{origin.Name} {origin.Version} ({Format.Location(origin)})";
}
