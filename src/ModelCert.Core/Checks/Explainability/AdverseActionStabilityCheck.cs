using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Adverse-action reasons and their stability. For a seeded sample of unfavourable decisions the principal reasons are
/// the features that pushed the score towards that decision: with the positive class favourable (the default) the
/// negative decisions (score at or below the threshold) and the most negative Kernel SHAP contributions; with
/// <see cref="FavourableOutcome.Negative"/> the positive decisions (score above the threshold) and the most positive
/// contributions (at most <c>reasons</c>). Each sampled row is then perturbed (numeric features get Gaussian noise of <c>scale</c> x the
/// feature's standard deviation; categoricals stay) and explained again on the same background and coalitions, so
/// only the perturbation can change the answer. The value is the share of rows whose set of reasons is unchanged,
/// with a Wilson interval. Details list the most frequent reasons and a few rows by index, never their values.
/// </summary>
public sealed class AdverseActionStabilityCheck : ICheck
{
    public const int DefaultReasons = 4;
    public const double DefaultScale = 0.05;
    public const int DefaultSample = 100;
    private const int ExampleRows = 20;

    public string Id => "explainability.adverse-action-stability";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Task == ModelTask.Regression)
        {
            return [CheckResults.Skipped(requirement, "regression: there are no unfavourable decisions to give reasons for")];
        }

        var (inputs, refusal) = ExplainSetup.Resolve(data, requirement);
        if (inputs is null)
        {
            return [refusal!];
        }

        if (data.Predicted is not { } predicted || predicted.Length != data.Rows)
        {
            return [CheckResults.Error(requirement, "the decisions are missing or not aligned with the test rows")];
        }

        // The unfavourable decisions: negative ones by default, positive ones (score above the threshold) when the negative class is favourable.
        var raising = data.Favourable == FavourableOutcome.Negative;
        var unfavourable = Enumerable.Range(0, data.Rows).Where(r => predicted[r] == raising).ToArray();
        if (unfavourable.Length == 0)
        {
            return [CheckResults.Skipped(requirement, raising
                ? string.Create(CultureInfo.InvariantCulture, $"no unfavourable decisions (the negative class is favourable): no score is above the threshold {data.Threshold}")
                : string.Create(CultureInfo.InvariantCulture, $"no negative decisions: every score is above the threshold {data.Threshold}"))];
        }

        var reasons = requirement.Parameters.Integer("reasons", DefaultReasons);
        var scale = requirement.Parameters.Numbers("scale", [DefaultScale]).Max();
        var settings = ShapSettings.Read(requirement.Parameters, DefaultSample);
        var rows = ExplainSetup.Sample(unfavourable, settings.Sample, data.Bootstrap.Seed, "adverse-action/rows");
        var (pair, problem) = Scoring.Guard(() =>
        {
            var explainer = ShapEngine.Explainer(data, inputs, settings);
            var original = explainer.Explain(data.Test, rows);
            var perturbed = explainer.Explain(Perturb(data, inputs, rows, scale), ExplainSetup.AllRows(rows.Length));
            return (Original: original, Perturbed: perturbed);
        });
        if (problem is not null)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        var stable = 0;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<Dictionary<string, object?>>();
        for (var r = 0; r < rows.Length; r++)
        {
            var given = pair.Original.Reasons(r, reasons, raising);
            var again = pair.Perturbed.Reasons(r, reasons, raising);
            var same = given.Count == again.Count && given.All(again.Contains);
            stable += same ? 1 : 0;
            foreach (var reason in given)
            {
                frequency[reason] = frequency.GetValueOrDefault(reason) + 1;
            }

            if (examples.Count < ExampleRows)
            {
                examples.Add(new Dictionary<string, object?> { ["row"] = rows[r], ["reasons"] = given, ["stable"] = same });
            }
        }

        var details = new Dictionary<string, object?>
        {
            ["principal_reasons"] = frequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new Dictionary<string, object?> { ["feature"] = p.Key, ["rows"] = p.Value }).ToList(),
            ["examples"] = examples,
            [raising ? "unfavourable_decisions" : "negative_decisions"] = unfavourable.Length,
            ["explained_rows"] = rows.Length,
            ["reasons"] = reasons,
            ["scale"] = scale,
        };
        var decisions = raising ? "unfavourable decisions (score above the threshold)" : "negative decisions";
        var note = string.Create(CultureInfo.InvariantCulture, $"{stable} of {rows.Length} sampled {decisions} keep their top {reasons} reasons under noise of {scale} x std");
        var measurement = new Measurement((double)stable / rows.Length, WilsonInterval.Compute(stable, rows.Length, requirement.Confidence), rows.Length);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    /// <summary>The sampled rows (model columns only) with Gaussian noise on the explained numeric features; missing values stay missing.</summary>
    private static Frame Perturb(EvaluationData data, ExplainInputs inputs, int[] rows, double scale)
    {
        var frame = FrameRows.Take(data.Test, inputs.ModelColumns, rows);
        var random = SeededRandom.ForStream(data.Bootstrap.Seed, AttributeCells.StreamOf("adverse-action/noise"));
        foreach (var feature in inputs.Features)
        {
            var column = frame[feature];
            var std = StandardDeviation(data.Test[feature]);
            if (std is not { } sd || sd == 0)
            {
                continue;
            }

            Column? noisy = column switch
            {
                Float64Column c => new Float64Column(c.Name, [.. c.Values.Select(v => v + (scale * sd * Gaussian(random)))], c.Validity),
                Int64Column c => new Int64Column(c.Name, [.. c.Values.Select(v => v + (long)Math.Round(scale * sd * Gaussian(random)))], c.Validity),
                _ => null,
            };
            if (noisy is not null)
            {
                frame = FrameRows.Replace(frame, noisy);
            }
        }

        return frame;
    }

    /// <summary>The standard deviation of a numeric column's valid values; null for other kinds or fewer than two values.</summary>
    internal static double? StandardDeviation(Column column)
    {
        var values = column switch
        {
            Float64Column c => Enumerable.Range(0, c.Length).Where(c.IsValid).Select(r => c.Values[r]),
            Int64Column c => Enumerable.Range(0, c.Length).Where(c.IsValid).Select(r => (double)c.Values[r]),
            _ => null,
        };
        var list = values?.Where(double.IsFinite).ToList();
        if (list is null || list.Count < 2)
        {
            return null;
        }

        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Gaussian(SeededRandom random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
