using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// How much a metric falls from the test set to the shifted set (<c>--shifted</c>), scored with the same model and
/// threshold; the interval resamples each set on its own. The details give every metric of the task on both sets,
/// and how far each feature's distribution moved (standardized mean difference for numbers, total variation
/// distance for categories); the features that moved most are the drivers.
/// </summary>
public sealed class ShiftMetricDropCheck : ICheck
{
    private static readonly string[] ClassificationMetrics = ["accuracy", "f1", "recall", "precision", "roc_auc"];
    private static readonly string[] RegressionMetrics = ["mae", "rmse"];

    public string Id => "robustness.shift-metric-drop";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: false) is { } unavailable)
        {
            return [unavailable];
        }

        if (data.Shifted is not { } shifted)
        {
            return [CheckResults.Skipped(requirement, "no shifted data: name a shifted set with --shifted or data.shifted in modelcert.yaml")];
        }

        var chosen = requirement.Parameters.Choice("metric", RobustMetric.DefaultFor(data));
        var test = RobustMetric.For(data, chosen, data.Truth, data.Target, out var problem);
        var moved = test is null ? null : RobustMetric.For(data, chosen, data.ShiftedTruth, data.ShiftedTarget, out problem);
        if (test is null || moved is null || data.Scores is null)
        {
            return [CheckResults.Error(requirement, $"{problem ?? "the test set has no scores"} ({data.ShiftedOrigin})")];
        }

        if (shifted.RowCount == 0)
        {
            return [CheckResults.Error(requirement, $"the shifted set {data.ShiftedOrigin} has no rows")];
        }

        var shiftedScores = ModelScoring.TryScore(data.Model!, shifted, out var failure);
        if (shiftedScores is null)
        {
            return [CheckResults.Error(requirement, $"the model could not score the shifted set {data.ShiftedOrigin}: {failure}")];
        }

        var random = RowSample.Stream(data.Bootstrap.Seed, Id, "bootstrap");
        var (drop, interval) = DropBootstrap.Unpaired(test, data.Scores, moved, shiftedScores, data.Bootstrap.Replicates, requirement.Confidence, random);
        var metrics = new List<Dictionary<string, object?>>();
        foreach (var name in data.Task == ModelTask.Regression ? RegressionMetrics : ClassificationMetrics)
        {
            var a = RobustMetric.For(data, name, data.Truth, data.Target, out _)!;
            var b = RobustMetric.For(data, name, data.ShiftedTruth, data.ShiftedTarget, out _)!;
            var onTest = a.Compute(data.Scores, All(data.Rows), All(data.Rows));
            var onShifted = b.Compute(shiftedScores, All(shifted.RowCount), All(shifted.RowCount));
            metrics.Add(new Dictionary<string, object?>
            {
                ["metric"] = name,
                ["test"] = onTest,
                ["shifted"] = onShifted,
                ["difference"] = onTest is { } x && onShifted is { } y ? y - x : null,
            });
        }

        var shifts = (data.Model!.Features.Count > 0 ? data.Model.Features : data.FeatureColumns)
            .Where(f => data.Test.TryGetColumn(f, out _) && shifted.TryGetColumn(f, out _))
            .Select(f => (Feature: f, Shift: FeatureShift(data.Test[f], shifted[f])))
            .OrderByDescending(s => s.Shift)
            .ThenBy(s => s.Feature, StringComparer.Ordinal)
            .ToList();
        var drivers = shifts.Where(s => s.Shift > 0).Take(3).Select(s => s.Feature).ToList();
        var details = new Dictionary<string, object?>
        {
            ["metric"] = chosen,
            ["test_rows"] = data.Rows,
            ["shifted_rows"] = shifted.RowCount,
            ["metrics"] = metrics,
            ["feature_shift"] = shifts.Take(RobustnessDetails.ListLimit)
                .Select(s => new Dictionary<string, object?> { ["feature"] = s.Feature, ["shift"] = s.Shift }).ToList(),
        };
        RobustnessDetails.AddDrivers(details, drivers);
        var pair = metrics.First(m => (string)m["metric"]! == chosen);
        var note = RobustnessDetails.Invariant($"{chosen} is {Describe(pair["test"])} on the test set ({data.Rows} rows) and {Describe(pair["shifted"])} on {data.ShiftedOrigin} ({shifted.RowCount} rows)");
        if (RobustnessDetails.DriverNote(drivers, "features whose distribution moved most") is { } driverNote)
        {
            note += "; " + driverNote;
        }

        var measurement = drop is { } value
            ? new Measurement(value, interval, Math.Min(data.Rows, shifted.RowCount))
            : Measurement.Undefined($"{chosen} is undefined on one of the sets");
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    private static int[] All(int rows) => [.. Enumerable.Range(0, rows)];

    private static string Describe(object? value) => value is double d ? RobustnessDetails.Format(d) : "undefined";

    /// <summary>|mean shifted − mean test| / sd test for numbers; total variation distance of the value shares otherwise.</summary>
    private static double FeatureShift(Column test, Column shifted)
    {
        var a = ColumnStats.Of(test);
        if (a.IsNumeric && test.Kind == shifted.Kind)
        {
            var meanA = Mean(test);
            var meanB = Mean(shifted);
            return a.Deviation > 0 && double.IsFinite(meanA) && double.IsFinite(meanB) ? Math.Abs(meanB - meanA) / a.Deviation : 0;
        }

        var shareA = Shares(test);
        var shareB = Shares(shifted);
        return 0.5 * shareA.Keys.Union(shareB.Keys).Sum(k => Math.Abs(shareA.GetValueOrDefault(k) - shareB.GetValueOrDefault(k)));
    }

    private static double Mean(Column column)
    {
        var values = Enumerable.Range(0, column.Length).Where(column.IsValid).Select(r => column switch
        {
            Float64Column c => c.Values[r],
            Int64Column c => (double)c.Values[r],
            _ => double.NaN,
        }).Where(double.IsFinite).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static Dictionary<string, double> Shares(Column column)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var row = 0; row < column.Length; row++)
        {
            var key = column.FormatValue(row) ?? "\u0000missing";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.ToDictionary(p => p.Key, p => p.Value / Math.Max(1, column.Length), StringComparer.Ordinal);
    }
}
