using ModelCert.Policy.Loading;

namespace ModelCert.Policy.Resolution;

/// <summary>Groups the declarations of a loaded graph by requirement id and merges each group, collecting every conflict.</summary>
internal static class PolicyMerge
{
    /// <summary>
    /// Requirements in order of first declaration (parents first) and the out-of-scope ones. A requirement id naming
    /// different checks is a conflict whatever the scope: an id must mean one thing everywhere.
    /// </summary>
    public static (List<ResolvedRequirement> Requirements, List<OutOfScopeRequirement> OutOfScope) Run(
        PolicyGraph graph, SubmissionContext? context, List<PolicyDiagnostic> errors)
    {
        var requirements = new List<ResolvedRequirement>();
        var outOfScope = new List<OutOfScopeRequirement>();
        foreach (var group in DeclarationCollector.Collect(graph, context).GroupBy(d => d.Requirement.Id, StringComparer.Ordinal))
        {
            var declarations = group.ToList();
            if (!SameCheck(group.Key, declarations, errors))
            {
                continue;
            }

            var inScope = declarations.Where(d => d.InScope).ToList();
            if (inScope.Count == 0)
            {
                var first = declarations.MinBy(d => d.Priority)!;
                outOfScope.Add(new OutOfScopeRequirement(group.Key, first.Requirement.Check, first.DeclaredAt, first.OutOfScopeReason!));
            }
            else if (RequirementMerger.Merge(group.Key, inScope, errors) is { } merged)
            {
                requirements.Add(merged);
            }
        }

        return (requirements, outOfScope);
    }

    private static bool SameCheck(string id, List<Declaration> declarations, List<PolicyDiagnostic> errors)
    {
        var first = declarations[0];
        var consistent = true;
        foreach (var other in declarations.Skip(1).Where(d => d.Requirement.Check != first.Requirement.Check))
        {
            errors.Add(other.Diagnostic(other.Requirement.CheckPosition,
                $"requirement '{id}' uses check '{other.Requirement.Check}' here but check '{first.Requirement.Check}' in {first.Location(first.Requirement.CheckPosition)};"
                + " a requirement id must name the same check in every policy"));
            consistent = false;
        }

        return consistent;
    }
}
