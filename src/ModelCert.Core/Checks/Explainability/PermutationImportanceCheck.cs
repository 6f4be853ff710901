using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Permutation importance: how much a metric falls when one feature's column is shuffled, <c>repeats</c> times, on a
/// seeded sample of rows. The value is the largest single feature's share of the total (positive) importance: a
/// model that hangs on one feature is fragile and hard to defend. Each feature's interval is the percentile interval
/// over the repeats; the share's interval is the percentile interval of the share computed repeat by repeat.
/// </summary>
public sealed class PermutationImportanceCheck : ICheck
{
    public string Id => "explainability.permutation-importance";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var (inputs, refusal) = ExplainSetup.Resolve(data, requirement);
        if (inputs is null)
        {
            return [refusal!];
        }

        var settings = PermutationSettings.Read(requirement.Parameters, data.Task);
        var (result, problem) = Scoring.Guard(() => PermutationEngine.Compute(data, inputs, settings));
        if (result.Result is not { } permutation)
        {
            var reason = problem ?? result.Problem!;
            return [reason.StartsWith("no labels", StringComparison.Ordinal) ? CheckResults.Skipped(requirement, reason) : CheckResults.Error(requirement, reason)];
        }

        var importance = permutation.Importance(requirement.Confidence);
        var top = FeatureImportance.Ranked(importance).First();
        var topIndex = permutation.Features.ToList().IndexOf(top.Feature);
        var total = importance.Sum(i => Math.Max(i.Value, 0));
        var details = new Dictionary<string, object?>
        {
            ["importance"] = FeatureImportance.Details(importance),
            ["metric"] = permutation.Metric,
            ["baseline"] = permutation.Baseline,
            ["repeats"] = settings.Repeats,
            ["rows"] = permutation.Rows,
            ["top_feature"] = top.Feature,
        };
        if (total <= 0)
        {
            return [CheckResults.Decide(requirement, Measurement.Undefined($"no feature lowers {permutation.Metric} when shuffled, so there is no importance to share", permutation.Rows), details: details)];
        }

        var shares = Enumerable.Range(0, settings.Repeats)
            .Select(r => Share(permutation.Drops, topIndex, r))
            .ToArray();
        var interval = PercentileInterval.Compute(shares, requirement.Confidence);
        var note = string.Create(CultureInfo.InvariantCulture, $"'{top.Feature}' has the largest importance ({permutation.Metric} drop {top.Value:0.####} from {permutation.Baseline:0.####}) over {permutation.Rows} rows and {settings.Repeats} shuffles");
        return [CheckResults.Decide(requirement, new Measurement(Math.Max(top.Value, 0) / total, interval, permutation.Rows), details: details, note: note)];
    }

    private static double Share(double[][] drops, int top, int repeat)
    {
        var total = drops.Sum(d => Math.Max(d[repeat], 0));
        return total <= 0 ? double.NaN : Math.Max(drops[top][repeat], 0) / total;
    }
}
