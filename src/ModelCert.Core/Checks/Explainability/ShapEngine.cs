using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>Kernel SHAP settings as a requirement gives them (defaults in docs/explainability.md).</summary>
internal sealed record ShapSettings(int Background, int Samples, int Sample)
{
    public const int DefaultBackground = 50;
    public const int DefaultSamples = 256;
    public const int DefaultSample = 200;

    public static ShapSettings Read(RequirementParameters parameters, int defaultSample = DefaultSample) => new(
        parameters.Integer("background", DefaultBackground),
        Math.Max(2, parameters.Integer("samples", DefaultSamples)),
        parameters.Integer("sample", defaultSample));
}

/// <summary>Global Kernel SHAP importance: the explanation of the sampled rows and mean |SHAP| per feature with bootstrap intervals.</summary>
internal sealed record GlobalShap(ShapExplanation Explanation, IReadOnlyList<FeatureImportance> Importance, double[][] Replicates, int BackgroundRows);

/// <summary>
/// The one explanation engine of the family. The explainer (background sample and coalition plan) and the global
/// explanation are cached on the <see cref="EvaluationData"/> by their parameters, so checks asking for the same
/// thing share one computation. Background: a seeded sample without replacement of <c>background</c> test rows
/// (all of them when fewer); explained rows: a seeded sample of <c>sample</c> test rows.
/// </summary>
internal static class ShapEngine
{
    public static KernelShap Explainer(EvaluationData data, ExplainInputs inputs, ShapSettings settings) =>
        ExplanationCache.GetOrAdd(data, Key("explainer", data, inputs, settings.Background, settings.Samples), () =>
        {
            var seed = data.Bootstrap.Seed;
            var backgroundRows = ExplainSetup.Sample(ExplainSetup.AllRows(data.Rows), settings.Background, seed, "kernel-shap/background");
            var background = FrameRows.Take(data.Test, inputs.ModelColumns, backgroundRows);
            var random = SeededRandom.ForStream(seed, AttributeCells.StreamOf("kernel-shap/coalitions"));
            var plan = CoalitionPlan.Create(inputs.Features.Count, settings.Samples, random);
            return new KernelShap(inputs, background, plan);
        });

    public static GlobalShap Global(EvaluationData data, ExplainInputs inputs, ShapSettings settings) =>
        ExplanationCache.GetOrAdd(data, Key("global", data, inputs, settings.Background, settings.Samples, settings.Sample), () =>
        {
            var explainer = Explainer(data, inputs, settings);
            var rows = ExplainSetup.Sample(ExplainSetup.AllRows(data.Rows), settings.Sample, data.Bootstrap.Seed, "kernel-shap/rows");
            var explanation = explainer.Explain(data.Test, rows);
            var all = Enumerable.Range(0, explanation.Count).ToArray();
            var mean = explanation.MeanAbsolute(all);
            var replicates = Bootstrap(explanation, data.Bootstrap);
            var importance = new List<FeatureImportance>();
            for (var j = 0; j < mean.Length; j++)
            {
                var interval = Interval(replicates, r => r[j], data.Bootstrap.Confidence);
                importance.Add(new FeatureImportance(inputs.Features[j], mean[j], interval?.Low, interval?.High));
            }

            return new GlobalShap(explanation, importance, replicates, Math.Min(settings.Background, data.Rows));
        });

    /// <summary>The percentile interval of a statistic over the bootstrap replicates (null without replicates).</summary>
    public static (double Low, double High)? Interval(double[][] replicates, Func<double[], double> statistic, double confidence)
    {
        if (replicates.Length == 0)
        {
            return null;
        }

        var values = replicates.Select(statistic).ToArray();
        return PercentileInterval.Compute(values, confidence);
    }

    /// <summary>Mean |phi| per feature on rows resampled with replacement, one array per replicate.</summary>
    private static double[][] Bootstrap(ShapExplanation explanation, BootstrapOptions options)
    {
        var n = explanation.Count;
        if (options.Replicates <= 0 || n == 0)
        {
            return [];
        }

        var random = SeededRandom.ForStream(options.Seed, AttributeCells.StreamOf("kernel-shap/bootstrap"));
        var replicates = new double[options.Replicates][];
        var rows = new int[n];
        for (var r = 0; r < replicates.Length; r++)
        {
            for (var i = 0; i < n; i++)
            {
                rows[i] = random.NextInt(n);
            }

            replicates[r] = explanation.MeanAbsolute(rows);
        }

        return replicates;
    }

    private static string Key(string what, EvaluationData data, ExplainInputs inputs, params int[] numbers) =>
        string.Join('|', [what, string.Join(',', inputs.Features), .. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)), data.Bootstrap.Seed.ToString(CultureInfo.InvariantCulture)]);
}
