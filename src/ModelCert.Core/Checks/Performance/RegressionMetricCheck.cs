using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Performance;

/// <summary>A regression metric (MAE, RMSE, R²) with a normal-approximation interval.</summary>
public sealed class RegressionMetricCheck(string id, RegressionMetricKind kind) : ICheck
{
    public string Id { get; } = id;

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != ModelTask.Regression)
        {
            return [CheckResults.Skipped(requirement, "applies to regression models only")];
        }

        if (data.Target is null)
        {
            return [CheckResults.Skipped(requirement, "needs a label (target) column")];
        }

        return [CheckResults.Decide(requirement, data.Metrics.Regression(kind, requirement.Confidence))];
    }
}
