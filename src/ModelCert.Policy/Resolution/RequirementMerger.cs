using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;

namespace ModelCert.Policy.Resolution;

/// <summary>
/// Merges the in-scope declarations of one requirement id. Strictest wins: the largest min, the smallest max, the
/// strictest actions, the highest confidence, the largest minimum sample; ties go to the most specific declaration.
/// Texts come from the most specific declaration that has them; references are the union. "Strictest action" is the
/// largest value of Core's <see cref="FailAction"/> and <see cref="UncertainAction"/>, declared mildest first.
/// </summary>
internal static class RequirementMerger
{
    public const double DefaultConfidence = 0.95;

    public const int DefaultMinSample = 30;

    public const FailAction DefaultOnFail = FailAction.Block;

    public const UncertainAction DefaultOnUncertain = UncertainAction.Review;

    /// <summary>
    /// The merged requirement, or null when the declarations contradict each other (reported). One declaration with
    /// min above max was already reported by the parser.
    /// </summary>
    public static ResolvedRequirement? Merge(string id, IReadOnlyList<Declaration> declarations, List<PolicyDiagnostic> errors)
    {
        var specific = declarations.OrderBy(d => d.Priority).ToList();
        var check = specific[0].Requirement.Check;
        var parameters = ParameterMerger.Merge(id, declarations, errors);
        var min = specific.Where(d => d.Requirement.Min is not null).MaxBy(d => d.Requirement.Min!.Value);
        var max = specific.Where(d => d.Requirement.Max is not null).MinBy(d => d.Requirement.Max!.Value);
        if (min?.Requirement.Min is { } low && max?.Requirement.Max is { } high && low.Value > high.Value && min != max)
        {
            errors.Add(max.Diagnostic(high.Position,
                $"requirement '{id}': the strictest min {Format.Number(low.Value)} ({min.Location(low.Position)}) is greater than the strictest max {Format.Number(high.Value)} ({max.Location(high.Position)}); no measurement could pass"));
            return null;
        }

        if (parameters is null)
        {
            return null;
        }

        return new ResolvedRequirement(
            id,
            specific.Select(d => d.Requirement.Title).FirstOrDefault(t => t is not null) ?? CheckCatalog.Get(check).Title,
            check,
            parameters,
            new Threshold(min?.Requirement.Min!.Value, max?.Requirement.Max!.Value),
            declarations.Max(d => d.Confidence) ?? DefaultConfidence,
            declarations.Max(d => d.OnFail) ?? DefaultOnFail,
            declarations.Max(d => d.OnUncertain) ?? DefaultOnUncertain,
            declarations.Max(d => d.MinSample) ?? DefaultMinSample,
            specific.SelectMany(d => d.Requirement.References).Distinct(StringComparer.Ordinal).ToArray(),
            specific.Select(d => d.Requirement.Rationale).FirstOrDefault(t => t is not null),
            specific.Select(d => d.Requirement.Remediation).FirstOrDefault(t => t is not null),
            min?.At(min.Requirement.Min!.Position),
            max?.At(max.Requirement.Max!.Position),
            declarations.Select(d => d.DeclaredAt).ToArray());
    }
}
