using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Missing values injected into one feature at a time: round(rate x sample) sampled rows of the feature are set
/// missing and the sample re-scored. The value is the largest flip rate over the features (Wilson interval over the
/// sampled rows); a NaN score counts as a flip. A feature the model cannot take missing values for (the scorer
/// rejects the input) is a finding, not a crash: the requirement takes its fail action and names the feature and
/// the reason.
/// </summary>
public sealed class MissingFlipRateCheck : ICheck
{
    public const double DefaultRate = 0.1;
    public const int DefaultSample = 10_000;

    public string Id => "robustness.missing-flip-rate";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        var setup = RescoringSetup.Prepare(data, requirement, DefaultSample, decisions: true, Id, out var problem);
        if (setup is null)
        {
            return [problem!];
        }

        var rate = requirement.Parameters.Number("rate", DefaultRate);
        var n = setup.Decisions.Length;
        var scored = new List<(string Feature, int Flips, int Undefined, int Set)>();
        var rejected = new List<(string Feature, string Reason)>();
        foreach (var feature in setup.Features)
        {
            var column = Perturbation.Missing(feature.Column, rate, RowSample.Stream(data.Bootstrap.Seed, Id, feature.Name), out var set);
            var scores = ModelScoring.TryScore(setup.Model, FrameEdit.Replace(setup.Sample, column), out var reason);
            if (scores is null)
            {
                rejected.Add((feature.Name, reason!));
                continue;
            }

            var flips = ModelScoring.Flips(setup.Decisions, scores, data.Threshold, out var undefined);
            scored.Add((feature.Name, flips, undefined, set));
        }

        var ranked = scored.OrderByDescending(f => f.Flips).ThenBy(f => f.Feature, StringComparer.Ordinal).ToList();
        var drivers = rejected.Select(r => r.Feature).Concat(ranked.Where(f => f.Flips > 0).Take(3).Select(f => f.Feature)).ToList();
        var details = new Dictionary<string, object?>
        {
            ["sample_rows"] = n,
            ["rate"] = rate,
            ["feature_flip_rates"] = ranked.Take(RobustnessDetails.ListLimit).Select(f => new Dictionary<string, object?>
            {
                ["feature"] = f.Feature,
                ["flip_rate"] = (double)f.Flips / n,
                ["ci_low"] = WilsonInterval.Compute(f.Flips, n, requirement.Confidence)?.Low,
                ["ci_high"] = WilsonInterval.Compute(f.Flips, n, requirement.Confidence)?.High,
                ["values_set_missing"] = f.Set,
                ["nan_scores"] = f.Undefined,
            }).ToList(),
            ["rejects_missing"] = rejected.Take(RobustnessDetails.ListLimit)
                .Select(r => new Dictionary<string, object?> { ["feature"] = r.Feature, ["reason"] = r.Reason }).ToList(),
        };
        RobustnessDetails.AddDrivers(details, drivers);

        var worst = ranked.Count > 0 ? ranked[0] : default;
        var measurement = ranked.Count > 0
            ? new Measurement((double)worst.Flips / n, WilsonInterval.Compute(worst.Flips, n, requirement.Confidence), n)
            : Measurement.Undefined("the model rejects missing values in every feature", n);
        var note = ranked.Count > 0
            ? RobustnessDetails.Invariant($"worst feature {worst.Feature}: {worst.Flips} of {n} sampled decisions flip when {RobustnessDetails.Format(rate)} of its values are missing")
            : null;
        if (ranked.Sum(f => f.Undefined) is var nan and > 0)
        {
            note = Join(note, RobustnessDetails.Invariant($"{nan} scores were NaN (counted as flips) in {string.Join(", ", ranked.Where(f => f.Undefined > 0).Select(f => f.Feature))}"));
        }

        if (rejected.Count == 0)
        {
            note = Join(note, RobustnessDetails.DriverNote(drivers, "features whose missing values flip the most decisions"));
            return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
        }

        // A model that fails on a missing value fails the requirement, whatever the flip rates of the other features.
        var finding = RobustnessDetails.Invariant(
            $"the model cannot take missing values in {rejected.Count} of {setup.Features.Count} features ({string.Join(", ", rejected.Take(10).Select(r => r.Feature))}); the scorer says (row numbers count rows of the sample): {rejected[0].Reason}");
        var decided = ranked.Count > 0
            ? CheckResults.Decide(requirement, measurement, details: details, note: note)
            : CheckResults.Error(requirement, "no feature could be scored with missing values") with { Details = details };
        return
        [
            decided with
            {
                Outcome = Decision.OnFail(requirement.OnFail),
                Message = ranked.Count > 0 ? $"{finding}; {decided.Message}" : finding,
                Remediation = requirement.Remediation,
            },
        ];
    }

    private static string? Join(string? first, string? second) => (first, second) switch
    {
        (null, _) => second,
        (_, null) => first,
        _ => $"{first}; {second}",
    };
}
