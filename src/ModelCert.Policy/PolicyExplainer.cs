using System.Text;

using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;

namespace ModelCert.Policy;

/// <summary>
/// Plain-text account of a resolution for people: each requirement with its check, threshold and actions, which policy
/// set each threshold side and which others declared it; then what scope left out and why.
/// </summary>
public static class PolicyExplainer
{
    public static string Explain(ResolvedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = new StringBuilder();
        text.Append($"{Count(policy.Requirements.Count, "requirement")} from {Count(policy.Policies.Count, "policy", "policies")}")
            .Append($", {Format.Number(policy.OutOfScope.Count)} out of scope\n");
        text.Append("\nPolicies:\n");
        foreach (var source in policy.Policies)
        {
            text.Append($"  {source.Name} {source.Version} ({source.Origin}) sha256 {source.Sha256}\n");
        }

        text.Append("\nRequirements:\n");
        foreach (var requirement in policy.Requirements)
        {
            text.Append($"  {requirement.Id}: {requirement.Title}\n");
            text.Append($"    check {requirement.Check}{Parameters(requirement)}; threshold {Threshold(requirement.Threshold)}\n");
            text.Append($"    {Provenance(requirement)}\n");
            text.Append($"    on fail {Format.Name(requirement.OnFail)}; when uncertain {Format.Name(requirement.OnUncertain)}")
                .Append($"; confidence {Format.Number(requirement.Confidence)}; min sample {Format.Number(requirement.MinSample)}\n");
            if (requirement.References.Count > 0)
            {
                text.Append($"    references: {string.Join("; ", requirement.References)}\n");
            }
        }

        if (policy.OutOfScope.Count > 0)
        {
            text.Append("\nOut of scope:\n");
            foreach (var skipped in policy.OutOfScope)
            {
                text.Append($"  {skipped.Id} ({skipped.Check}), declared by {SetBy(skipped.DeclaredBy)}: {skipped.Reason}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>"min 0.8 set by a 1.0 (a.yaml:14), also declared by b 1.0 (builtin:b)".</summary>
    private static string Provenance(ResolvedRequirement requirement)
    {
        var parts = new List<string>();
        var (min, max) = (requirement.Threshold.Min, requirement.Threshold.Max);
        if (requirement.MinSetBy is { } minBy && requirement.MaxSetBy is { } maxBy && minBy == maxBy)
        {
            parts.Add($"min {Format.Number(min!.Value)} and max {Format.Number(max!.Value)} set by {SetBy(minBy)}");
        }
        else
        {
            if (requirement.MinSetBy is { } low)
            {
                parts.Add($"min {Format.Number(min!.Value)} set by {SetBy(low)}");
            }

            if (requirement.MaxSetBy is { } high)
            {
                parts.Add($"max {Format.Number(max!.Value)} set by {SetBy(high)}");
            }
        }

        var setters = new[] { requirement.MinSetBy, requirement.MaxSetBy };
        var others = requirement.DeclaredBy
            .Where(d => !setters.Any(s => s is not null && s.Name == d.Name && s.Origin == d.Origin))
            .Select(Format.Policy)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = string.Join("; ", parts);
        return others.Count == 0 ? text : $"{text}, also declared by {string.Join(", ", others)}";
    }

    private static string SetBy(PolicyOrigin origin) => $"{origin.Name} {origin.Version} ({Format.Location(origin)})";

    private static string Threshold(Threshold threshold) => (threshold.Min, threshold.Max) switch
    {
        ({ } min, { } max) => $"between {Format.Number(min)} and {Format.Number(max)}",
        ({ } min, null) => $"at least {Format.Number(min)}",
        (null, { } max) => $"at most {Format.Number(max)}",
        _ => "none",
    };

    private static string Parameters(ResolvedRequirement requirement)
    {
        var p = requirement.Parameters;
        var takes = CheckCatalog.TryGet(requirement.Check, out var check) ? check.Parameters : [];
        var shown = new List<string>();
        if (takes.Contains("attributes"))
        {
            shown.Add("attributes " + (p.Attributes is null ? "all" : string.Join(", ", p.Attributes)));
        }

        if (takes.Contains("intersections"))
        {
            shown.Add(p.Intersections ? "with intersections" : "without intersections");
        }

        AddIf(shown, p.MinGroupSize, "min group size");
        AddIf(shown, p.MinGroupShare, "min group share");
        AddIf(shown, p.Bins, "bins");
        if (p.Privileged.Count > 0)
        {
            shown.Add("privileged " + string.Join(", ", p.Privileged.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value}")));
        }

        if (p.Columns is not null)
        {
            shown.Add("columns " + string.Join(", ", p.Columns));
        }

        foreach (var (name, value) in p.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            shown.Add($"{name} {Writing.YamlText.Value(value)}");
        }

        return shown.Count == 0 ? string.Empty : $" ({string.Join("; ", shown)})";
    }

    private static void AddIf(List<string> shown, double? value, string name)
    {
        if (value is { } number)
        {
            shown.Add($"{name} {Format.Number(number)}");
        }
    }

    private static string Count(int count, string singular, string? plural = null) =>
        $"{Format.Number(count)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
