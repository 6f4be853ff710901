using ModelCert.Core.Requirements;
using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Resolution;

/// <summary>
/// Merges check parameters across declarations of one requirement. A policy overrides what the policies it extends
/// set; two policies that do not extend one another must agree, since neither can claim to be the stricter.
/// </summary>
internal static class ParameterMerger
{
    /// <summary>The merged parameters, or null when two independent declarations disagree (reported).</summary>
    public static RequirementParameters? Merge(string id, IReadOnlyList<Declaration> declarations, List<PolicyDiagnostic> errors)
    {
        var chosen = new Dictionary<string, object?>(StringComparer.Ordinal);
        var conflict = false;
        foreach (var name in PolicyFields.Parameters)
        {
            var setters = declarations
                .SelectMany(d => d.Requirement.Parameters.Where(p => p.Name == name).Select(p => (Declaration: d, Value: p)))
                .ToList();
            var effective = setters
                .Where(s => !setters.Any(o => o.Declaration.Policy != s.Declaration.Policy && o.Declaration.Policy.Extends(s.Declaration.Policy)))
                .OrderBy(s => s.Declaration.Priority)
                .ToList();
            if (effective.Count == 0)
            {
                continue;
            }

            var first = effective[0];
            if (effective.FirstOrDefault(s => s.Value.Display != first.Value.Display) is { Declaration: not null } other)
            {
                errors.Add(other.Declaration.Diagnostic(other.Value.Position,
                    $"requirement '{id}': parameter '{name}' is {other.Value.Display} here but {first.Value.Display} in {first.Declaration.Location(first.Value.Position)};"
                    + " policies that do not extend one another must agree (or a policy extending both must set it)"));
                conflict = true;
                continue;
            }

            chosen[name] = first.Value.Value;
        }

        return conflict ? null : Build(chosen);
    }

    /// <summary>The parameters from chosen values by name (absent or null: the check's default); the lock reader shares it.</summary>
    public static RequirementParameters Build(Dictionary<string, object?> values) => new()
    {
        Attributes = values.GetValueOrDefault("attributes") as IReadOnlyList<string>,
        Intersections = values.GetValueOrDefault("intersections") as bool? ?? true,
        MinGroupSize = values.GetValueOrDefault("min_group_size") as int?,
        MinGroupShare = values.GetValueOrDefault("min_group_share") as double?,
        Privileged = values.GetValueOrDefault("privileged") as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(),
        Bins = values.GetValueOrDefault("bins") as int?,
        Columns = values.GetValueOrDefault("columns") as IReadOnlyList<string>,
        Values = values
            .Where(v => v.Value is not null && !PolicyFields.SharedParameters.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal),
    };
}
