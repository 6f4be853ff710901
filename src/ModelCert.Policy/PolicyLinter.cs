using ModelCert.Policy.Loading;
using ModelCert.Policy.Resolution;

namespace ModelCert.Policy;

/// <summary>
/// Checks a policy file the way <see cref="PolicyResolver"/> would use it, without a submission: every problem in the
/// file and in what it extends, and every conflict between their declarations whatever their scope.
/// </summary>
public static class PolicyLinter
{
    /// <summary>All problems found, in file order; empty when the policy is clean. <paramref name="path"/> may be <c>builtin:NAME</c>.</summary>
    public static IReadOnlyList<PolicyDiagnostic> Lint(string path)
    {
        var graph = PolicyLoader.Load([path], Directory.GetCurrentDirectory());
        var errors = new List<PolicyDiagnostic>(graph.Diagnostics);
        PolicyMerge.Run(graph, null, errors);
        return errors;
    }
}
