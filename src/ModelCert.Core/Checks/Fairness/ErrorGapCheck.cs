using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Fairness;

/// <summary>The regression error gap: largest minus smallest per-group MAE, per selected attribute.</summary>
public sealed class ErrorGapCheck : ICheck
{
    public string Id => "fairness.error-gap";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Task != ModelTask.Regression)
        {
            return [CheckResults.Skipped(requirement, "applies to regression models only")];
        }

        var (selected, missing) = AttributeSelection.Select(data, requirement.Parameters);
        if (selected.Count == 0)
        {
            return [CheckResults.Skipped(requirement, missing.Count > 0 ? $"none of its attributes ({string.Join(", ", missing)}) is a protected attribute of this submission" : "no protected attributes were given (--protected)")];
        }

        return [.. selected.Select(attribute =>
        {
            var counts = new long[attribute.Groups.Count];
            foreach (var code in attribute.Codes)
            {
                if (code >= 0)
                {
                    counts[code]++;
                }
            }

            var eligibility = GroupEligibility.Of(attribute.Groups, g => counts[g], requirement);
            var result = CheckResults.Decide(requirement, data.Metrics.ErrorGap(attribute, eligibility.Include, requirement.Confidence), attribute.Name, null, eligibility.Note(requirement));
            return result.Outcome == Outcome.Pass && eligibility.TooSmall.Count > 0 ? result with { Outcome = Outcome.Review } : result;
        })];
    }
}
