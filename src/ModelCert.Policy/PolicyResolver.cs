using ModelCert.Core;
using ModelCert.Policy.Loading;
using ModelCert.Policy.Parsing;
using ModelCert.Policy.Resolution;

namespace ModelCert.Policy;

/// <summary>
/// Turns the policies named for a submission into the one list of requirements to evaluate: loads each reference
/// with its <c>extends</c> chain, keeps what is in scope for the submission, and merges declarations of the same
/// requirement id (strictest wins), recording which policy set each threshold.
/// </summary>
public static class PolicyResolver
{
    /// <summary>
    /// Resolves <paramref name="policyRefs"/> (file paths relative to <paramref name="baseDirectory"/>, or
    /// <c>builtin:NAME</c>) for <paramref name="context"/>.
    /// </summary>
    /// <exception cref="PolicyException">Any file has a problem, or the policies contradict each other; lists every problem.</exception>
    /// <exception cref="InputException">The context names an unknown task or risk tier.</exception>
    public static ResolvedPolicy Resolve(IReadOnlyList<string> policyRefs, SubmissionContext context, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(policyRefs);
        ArgumentNullException.ThrowIfNull(context);
        Validate(context);
        var graph = PolicyLoader.Load(policyRefs, baseDirectory);
        if (graph.Diagnostics.Count > 0)
        {
            throw new PolicyException(graph.Diagnostics);
        }

        var errors = new List<PolicyDiagnostic>();
        var (requirements, outOfScope) = PolicyMerge.Run(graph, context, errors);
        if (errors.Count > 0)
        {
            throw new PolicyException(errors);
        }

        var policies = graph.Policies.Select(p => new PolicyRef(p.Name, p.Version, p.Origin, p.Sha256)).ToArray();
        return new ResolvedPolicy(requirements, policies, outOfScope);
    }

    private static void Validate(SubmissionContext context)
    {
        if (!PolicyFields.Tasks.Contains(context.Task, StringComparer.Ordinal))
        {
            throw new InputException($"unknown task '{context.Task}'; expected one of {string.Join(", ", PolicyFields.Tasks)}");
        }

        if (context.RiskTier is { } tier && !PolicyFields.RiskTiers.Contains(tier, StringComparer.Ordinal))
        {
            throw new InputException($"unknown risk tier '{tier}'; expected one of {string.Join(", ", PolicyFields.RiskTiers)}");
        }
    }
}
