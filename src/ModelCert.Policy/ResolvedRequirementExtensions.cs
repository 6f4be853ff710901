using Engine = ModelCert.Core.Requirements;

namespace ModelCert.Policy;

/// <summary>Hands a resolved requirement to Core's decision engine, which has its own (identical) requirement types.</summary>
public static class ResolvedRequirementExtensions
{
    /// <summary>Core's view of <paramref name="requirement"/>; <c>Source</c> says who set each threshold side.</summary>
    public static Engine.Requirement ToCoreRequirement(this ResolvedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var p = requirement.Parameters;
        var parameters = new Engine.RequirementParameters
        {
            Attributes = p.Attributes,
            Intersections = p.Intersections,
            MinGroupSize = p.MinGroupSize,
            MinGroupShare = p.MinGroupShare,
            Privileged = p.Privileged,
            Bins = p.Bins,
            Columns = p.Columns,
        };
        return new Engine.Requirement(
            requirement.Id,
            requirement.Title,
            requirement.Check,
            parameters,
            new Engine.Threshold(requirement.Threshold.Min, requirement.Threshold.Max),
            requirement.Confidence,
            requirement.OnFail switch
            {
                FailAction.Warn => Engine.FailAction.Warn,
                FailAction.Review => Engine.FailAction.Review,
                _ => Engine.FailAction.Block,
            },
            requirement.OnUncertain switch
            {
                UncertainAction.Pass => Engine.UncertainAction.Pass,
                UncertainAction.Warn => Engine.UncertainAction.Warn,
                UncertainAction.Review => Engine.UncertainAction.Review,
                _ => Engine.UncertainAction.Fail,
            },
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
