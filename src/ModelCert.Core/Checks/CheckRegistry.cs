using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Checks.Fairness;
using ModelCert.Core.Checks.Performance;
using ModelCert.Core.Checks.Robustness;
using ModelCert.Core.Checks.Security;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks;

/// <summary>Runs requirements against an evaluation: finds each requirement's check and collects the results.</summary>
public static class CheckRegistry
{
    private static readonly Dictionary<string, ICheck> Checks =
        new[] { PerformanceChecks.All, FairnessChecks.All, DataQualityChecks.All, RobustnessChecks.All, ExplainabilityChecks.All, SecurityChecks.All, ComplianceChecks.All }
            .SelectMany(family => family)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Ids => Checks.Keys;

    public static bool IsImplemented(string id) => Checks.ContainsKey(id);

    /// <summary>Evaluates every requirement; a check that throws is an error result naming the failure, never a crash.</summary>
    public static IReadOnlyList<CheckResult> Evaluate(EvaluationData data, IEnumerable<Requirement> requirements, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var results = new List<CheckResult>();
        foreach (var requirement in requirements)
        {
            progress?.Report(requirement.Id);
            if (!Checks.TryGetValue(requirement.Check, out var check))
            {
                results.Add(CheckResults.Error(requirement, $"check '{requirement.Check}' is not implemented in this version of ModelCert"));
                continue;
            }

            try
            {
                results.AddRange(check.Evaluate(data, requirement));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
            {
                results.Add(CheckResults.Error(requirement, $"check '{requirement.Check}' failed: {ex.Message}"));
            }
        }

        return results;
    }
}
