using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The number of model inputs without a fitting column (0 when the data fits the model), from the input mapping
/// done when the model was opened. In predictions mode there are no model inputs, so the check does not apply.
/// The count has no interval and no sample: it is a fact about names and types, so the minimum-sample rule does not
/// apply and the result carries no sample size.
/// </summary>
public sealed class SchemaCheck : ICheck
{
    private const int ProblemsInMessage = 10;

    public string Id => "data-quality.schema";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (!data.ModelRunnable)
        {
            return [CheckResults.Skipped(requirement, "predictions mode: no model inputs to match")];
        }

        var problems = data.SchemaProblems;
        var details = new Dictionary<string, object?>
        {
            ["problems"] = problems.Take(Proportion.DetailLimit).ToList(),
        };
        string? note = null;
        if (problems.Count > 0)
        {
            note = $"problems: {string.Join("; ", problems.Take(ProblemsInMessage))}";
            if (problems.Count > ProblemsInMessage)
            {
                note += Proportion.Invariant($"; and {problems.Count - ProblemsInMessage} more");
            }
        }

        // Decide applies the minimum-sample rule to every measurement; a structural count has no sample, so it is
        // given the largest one and the result's sample size is cleared afterwards.
        var measurement = new Measurement(problems.Count, null, long.MaxValue);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note) with { SampleSize = null }];
    }
}
