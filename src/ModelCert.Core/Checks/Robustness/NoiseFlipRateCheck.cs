using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The share of sampled decisions that change when numeric features get Gaussian noise at each <c>scale</c> x their
/// standard deviation and categorical features are swapped at <c>swap_rate</c>. Decides on the largest scale
/// (Wilson interval over the sampled rows); the curve holds every scale, and the drivers are the features whose noise
/// alone flips the most decisions at that scale.
/// </summary>
public sealed class NoiseFlipRateCheck : ICheck
{
    public string Id => "robustness.noise-flip-rate";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        var run = NoiseRun.Run(data, requirement, decisions: true, out var problem);
        if (run is null)
        {
            return [problem!];
        }

        var setup = run.Setup;
        var n = setup.Decisions.Length;
        var points = new List<Dictionary<string, object?>>();
        var flips = 0;
        var undefined = 0;
        for (var s = 0; s < run.Scales.Count; s++)
        {
            flips = ModelScoring.Flips(setup.Decisions, run.Scores[s], data.Threshold, out undefined);
            points.Add(RobustnessDetails.Point(run.Scales[s], (double)flips / n, WilsonInterval.Compute(flips, n, requirement.Confidence)));
        }

        var perFeature = run.PerFeature
            .Select(f => (f.Feature, Rate: (double)ModelScoring.Flips(setup.Decisions, f.Scores, data.Threshold, out _) / n))
            .OrderByDescending(f => f.Rate)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .ToList();
        var drivers = perFeature.Where(f => f.Rate > 0).Take(3).Select(f => f.Feature).ToList();
        var details = new Dictionary<string, object?>
        {
            ["sample_rows"] = n,
            ["scale"] = run.DecidedScale,
            ["swap_rate"] = run.SwapRate,
            ["flipped_rows"] = flips,
            ["feature_flip_rates"] = perFeature.Take(RobustnessDetails.ListLimit)
                .Select(f => new Dictionary<string, object?> { ["feature"] = f.Feature, ["flip_rate"] = f.Rate }).ToList(),
        };
        RobustnessDetails.AddCurve(details, "scale", "flip rate", points);
        RobustnessDetails.AddDrivers(details, drivers);
        var note = RobustnessDetails.Invariant($"{flips} of {n} sampled decisions flip at noise scale {run.DecidedScale} x each numeric feature's standard deviation with categories swapped at rate {run.SwapRate}");
        if (undefined > 0)
        {
            note += RobustnessDetails.Invariant($"; {undefined} noisy rows scored NaN (counted as flips)");
        }

        if (RobustnessDetails.DriverNote(drivers, "features whose noise alone flips the most decisions") is { } driverNote)
        {
            note += "; " + driverNote;
        }

        var measurement = new Measurement((double)flips / n, WilsonInterval.Compute(flips, n, requirement.Confidence), n);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }
}
