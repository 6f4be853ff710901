using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Performance;

/// <summary>A metric of the positive-class score (ROC AUC, log loss, Brier, ECE), with a row-resampling interval.</summary>
public sealed class ScoreMetricCheck(string id, ScoreMetricKind kind) : ICheck
{
    public string Id { get; } = id;

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (PerformanceGuards.Classification(data, requirement) is { } skipped)
        {
            return [skipped];
        }

        if (data.Scores is null)
        {
            return [CheckResults.Skipped(requirement, "needs scores; the predictions give only decisions")];
        }

        var suite = data.Metrics;
        if (kind == ScoreMetricKind.Ece)
        {
            var bins = requirement.Parameters.Bins ?? MetricSuite.EceBins;
            return [CheckResults.Decide(requirement, suite.Ece(bins, requirement.Confidence), null, null, bins == MetricSuite.EceBins ? null : $"{bins} calibration bins")];
        }

        var value = ScoreBootstrap.Select(suite.Score!, kind);
        var measurement = value is null || double.IsNaN(value.Value)
            ? Measurement.Undefined("only one label class is present", data.Rows)
            : new Measurement(value, suite.ScoreInterval(kind, requirement.Confidence), data.Rows);
        return [CheckResults.Decide(requirement, measurement)];
    }
}
