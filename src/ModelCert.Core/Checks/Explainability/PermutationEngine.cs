using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>Permutation-importance settings as a requirement gives them.</summary>
internal sealed record PermutationSettings(string Metric, int Repeats, int Sample)
{
    public const int DefaultRepeats = 5;
    public const int DefaultSample = 5000;

    public static PermutationSettings Read(RequirementParameters parameters, ModelTask task) => new(
        parameters.Choice("metric", task == ModelTask.Regression ? "mae" : "roc_auc"),
        parameters.Integer("repeats", DefaultRepeats),
        parameters.Integer("sample", DefaultSample));
}

/// <summary>
/// Metric drops when one feature's column is shuffled: <c>Drops[j][r]</c> is the drop of feature j in repeat r
/// (positive = the model got worse), on a seeded sample of rows, each repeat a seeded permutation of the column.
/// </summary>
internal sealed record PermutationResult(IReadOnlyList<string> Features, string Metric, double Baseline, double[][] Drops, int Rows)
{
    public IReadOnlyList<FeatureImportance> Importance(double confidence) =>
        [.. Features.Select((feature, j) =>
        {
            var interval = PercentileInterval.Compute(Drops[j].ToArray(), confidence);
            return new FeatureImportance(feature, Drops[j].Average(), interval?.Low, interval?.High);
        })];
}

/// <summary>Computes (and caches on the evaluation) permutation importance; each feature's repeats are scored in one frame.</summary>
internal static class PermutationEngine
{
    private const int MaxBatchRows = 1 << 18;

    /// <summary>The result, or the reason it cannot be computed (no labels, a metric that does not fit the task).</summary>
    public static (PermutationResult? Result, string? Problem) Compute(EvaluationData data, ExplainInputs inputs, PermutationSettings settings)
    {
        var metric = PermutationMetric.Find(settings.Metric, data.Task);
        if (metric is null)
        {
            return (null, $"metric '{settings.Metric}' does not fit a {(data.Task == ModelTask.Regression ? "regression" : "classification")} model; use {PermutationMetric.Choices(data.Task)}");
        }

        if ((data.Task == ModelTask.Regression ? data.Target is null : data.Truth is null))
        {
            return (null, "no labels: permutation importance measures how much a metric falls, which needs the label column");
        }

        var key = string.Join('|', "permutation", string.Join(',', inputs.Features), settings.Metric, settings.Repeats.ToString(CultureInfo.InvariantCulture),
            settings.Sample.ToString(CultureInfo.InvariantCulture), data.Bootstrap.Seed.ToString(CultureInfo.InvariantCulture));
        var result = ExplanationCache.GetOrAdd(data, key, () => Run(data, inputs, settings, metric));
        if (double.IsNaN(result.Baseline))
        {
            return (null, $"{metric.Name} is undefined on the {result.Rows} sampled rows (one label class only, or no positive decisions); choose another metric or a larger sample");
        }

        var undefined = result.Features.Where((_, j) => result.Drops[j].Any(double.IsNaN)).ToList();
        return undefined.Count == 0
            ? (result, null)
            : (null, $"{metric.Name} becomes undefined when {ExplainSetup.Quote(undefined)} is shuffled; choose roc_auc or accuracy");
    }

    private static PermutationResult Run(EvaluationData data, ExplainInputs inputs, PermutationSettings settings, PermutationMetric metric)
    {
        var rows = ExplainSetup.Sample(ExplainSetup.AllRows(data.Rows), settings.Sample, data.Bootstrap.Seed, "permutation/rows");
        var n = rows.Length;
        var frame = FrameRows.Take(data.Test, inputs.ModelColumns, rows);
        var labels = new PermutationLabels(
            data.Truth is { } truth ? [.. rows.Select(r => truth[r])] : null,
            data.Target is { } target ? [.. rows.Select(r => target[r])] : null,
            data.Threshold);
        var baseline = metric.Compute(Scoring.Finite(inputs.Model, frame), labels);
        var random = SeededRandom.ForStream(data.Bootstrap.Seed, AttributeCells.StreamOf("permutation/shuffles"));
        var drops = new double[inputs.Features.Count][];
        var perCall = Math.Max(1, MaxBatchRows / Math.Max(1, n));
        for (var j = 0; j < drops.Length; j++)
        {
            drops[j] = new double[settings.Repeats];
            for (var first = 0; first < settings.Repeats; first += perCall)
            {
                var count = Math.Min(perCall, settings.Repeats - first);
                var scores = Scoring.Finite(inputs.Model, Shuffled(frame, inputs.Features[j], count, random));
                for (var r = 0; r < count; r++)
                {
                    var value = metric.Compute(scores.AsSpan(r * n, n), labels);
                    drops[j][first + r] = metric.HigherIsBetter ? baseline - value : value - baseline;
                }
            }
        }

        return new PermutationResult(inputs.Features, metric.Name, baseline, drops, n);
    }

    /// <summary><paramref name="repeats"/> copies of the frame stacked, <paramref name="feature"/> shuffled independently in each.</summary>
    private static Frame Shuffled(Frame frame, string feature, int repeats, SeededRandom random)
    {
        var n = frame.RowCount;
        var identity = new int[n * repeats];
        var shuffled = new int[n * repeats];
        for (var r = 0; r < repeats; r++)
        {
            var order = ExplainSetup.AllRows(n);
            for (var i = n - 1; i > 0; i--)
            {
                var k = random.NextInt(i + 1);
                (order[i], order[k]) = (order[k], order[i]);
            }

            for (var i = 0; i < n; i++)
            {
                identity[(r * n) + i] = i;
                shuffled[(r * n) + i] = order[i];
            }
        }

        var columns = frame.Columns
            .Select(c => FrameRows.Gather(c, c, string.Equals(c.Name, feature, StringComparison.Ordinal) ? shuffled : identity))
            .ToList();
        return new Frame(columns, n * repeats);
    }
}
