using ModelCert.Policy.Loading;

namespace ModelCert.Policy.Resolution;

/// <summary>
/// Lists every requirement declaration of a loaded policy graph with its priority and scope. A policy's scope also
/// limits what it brings in through <c>extends</c>: a declaration applies when some path from a reference to it passes
/// only scopes that cover the submission, and its own requirement scope covers it too.
/// </summary>
internal static class DeclarationCollector
{
    /// <summary>All declarations in load order (parents first); with no <paramref name="context"/> every one is in scope.</summary>
    public static List<Declaration> Collect(PolicyGraph graph, SubmissionContext? context)
    {
        var priority = new Dictionary<LoadedPolicy, int>();
        var reasons = new Dictionary<LoadedPolicy, string?>();
        foreach (var root in graph.Roots)
        {
            Rank(root, priority);
            Visit(root, null, context, reasons);
        }

        var declarations = new List<Declaration>();
        foreach (var policy in graph.Policies)
        {
            var policyReason = reasons.GetValueOrDefault(policy);
            foreach (var requirement in policy.Document.Requirements)
            {
                var reason = context is null
                    ? null
                    : policyReason ?? ScopeMatcher.Mismatch(requirement.Scope, context, $"requirement '{requirement.Id}'");
                declarations.Add(new Declaration(policy, requirement, priority.GetValueOrDefault(policy), reason));
            }
        }

        return declarations;
    }

    private static void Rank(LoadedPolicy policy, Dictionary<LoadedPolicy, int> priority)
    {
        if (priority.TryAdd(policy, priority.Count))
        {
            policy.Parents.ForEach(parent => Rank(parent, priority));
        }
    }

    /// <summary>Records the first reason a policy is out of scope, or null once any path reaches it in scope.</summary>
    private static void Visit(LoadedPolicy policy, string? inherited, SubmissionContext? context, Dictionary<LoadedPolicy, string?> reasons)
    {
        var seen = reasons.TryGetValue(policy, out var previous);
        if (seen && (previous is null || inherited is not null))
        {
            return;
        }

        var reason = inherited ?? (context is null ? null : ScopeMatcher.Mismatch(policy.Document.Scope, context, $"policy '{policy.Name}'"));
        reasons[policy] = reason;
        foreach (var parent in policy.Parents)
        {
            Visit(parent, reason, context, reasons);
        }
    }
}
