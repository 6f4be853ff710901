using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// How much a metric falls (clean minus noisy; noisy minus clean for MAE and RMSE) on the sampled rows under the
/// same noise as <see cref="NoiseFlipRateCheck"/>. Decides on the largest scale with a paired bootstrap interval over
/// the sampled rows; the curve holds every scale, and the drivers are the features whose noise alone costs the most.
/// </summary>
public sealed class NoiseMetricDropCheck : ICheck
{
    public string Id => "robustness.noise-metric-drop";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: false) is { } unavailable)
        {
            return [unavailable];
        }

        var metric = RobustMetric.For(data, requirement.Parameters.Choice("metric", RobustMetric.DefaultFor(data)), data.Truth, data.Target, out var metricProblem);
        if (metric is null)
        {
            return [data.Truth is null && data.Target is null ? CheckResults.Skipped(requirement, metricProblem!) : CheckResults.Error(requirement, metricProblem!)];
        }

        var run = NoiseRun.Run(data, requirement, decisions: false, out var problem);
        if (run is null)
        {
            return [problem!];
        }

        var setup = run.Setup;
        var points = new List<Dictionary<string, object?>>();
        (double? Drop, (double Low, double High)? Interval) decided = default;
        for (var s = 0; s < run.Scales.Count; s++)
        {
            var random = RowSample.Stream(data.Bootstrap.Seed, Id, "bootstrap", s);
            decided = DropBootstrap.Paired(metric, setup.Rows, setup.Scores, run.Scores[s], data.Bootstrap.Replicates, requirement.Confidence, random);
            points.Add(RobustnessDetails.Point(run.Scales[s], decided.Drop, decided.Interval));
        }

        var identity = Enumerable.Range(0, setup.Rows.Length).ToArray();
        var clean = metric.Compute(setup.Scores, setup.Rows, identity);
        var perFeature = run.PerFeature
            .Select(f => (f.Feature, Drop: metric.Drop(clean, metric.Compute(f.Scores, setup.Rows, identity)) ?? 0))
            .OrderByDescending(f => f.Drop)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .ToList();
        var drivers = perFeature.Where(f => f.Drop > 0).Take(3).Select(f => f.Feature).ToList();
        var details = new Dictionary<string, object?>
        {
            ["metric"] = metric.Name,
            ["sample_rows"] = setup.Rows.Length,
            ["scale"] = run.DecidedScale,
            ["swap_rate"] = run.SwapRate,
            ["clean"] = clean,
            ["noisy"] = metric.Compute(run.Scores[^1], setup.Rows, identity),
            ["feature_drops"] = perFeature.Take(RobustnessDetails.ListLimit)
                .Select(f => new Dictionary<string, object?> { ["feature"] = f.Feature, ["drop"] = f.Drop }).ToList(),
        };
        RobustnessDetails.AddCurve(details, "scale", metric.Name + " drop", points);
        RobustnessDetails.AddDrivers(details, drivers);
        var note = RobustnessDetails.Invariant(
            $"{metric.Name} goes from {Describe(clean)} to {Describe((double?)details["noisy"])} on {setup.Rows.Length} sampled rows at noise scale {run.DecidedScale} with categories swapped at rate {run.SwapRate}");
        if (RobustnessDetails.DriverNote(drivers, "features whose noise alone costs the most") is { } driverNote)
        {
            note += "; " + driverNote;
        }

        var measurement = decided.Drop is { } drop
            ? new Measurement(drop, decided.Interval, setup.Rows.Length)
            : Measurement.Undefined($"{metric.Name} is undefined on the sample (for example no positive labels or decisions)", setup.Rows.Length);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    private static string Describe(double? value) => value is { } v ? RobustnessDetails.Format(v) : "undefined";
}
