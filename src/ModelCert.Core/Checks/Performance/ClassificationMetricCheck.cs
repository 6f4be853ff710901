using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Performance;

/// <summary>A classification metric of the overall confusion cells (accuracy, precision, recall, F1), with a count bootstrap interval.</summary>
public sealed class ClassificationMetricCheck(string id, Func<ConfusionCounts, double?> metric, string undefinedReason) : ICheck
{
    public string Id { get; } = id;

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (PerformanceGuards.Classification(data, requirement) is { } skipped)
        {
            return [skipped];
        }

        var suite = data.Metrics;
        var counts = suite.Overall!.Value;
        if (metric(counts) is not { } value)
        {
            return [CheckResults.Decide(requirement, Measurement.Undefined(undefinedReason, counts.Count))];
        }

        return [CheckResults.Decide(requirement, new Measurement(value, suite.OverallInterval(metric, requirement.Confidence), counts.Count))];
    }
}
