using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Sampled Kernel SHAP on a seeded sample of rows against a seeded background sample. The value is the share of the
/// mean |SHAP| that falls on protected attributes and declared proxies the model reads: how much of what drives the
/// decisions is who the person is. Details hold the global importance per feature (mean |SHAP| with bootstrap
/// intervals over the explained rows) and the top reasons of a few rows, by row index only.
/// </summary>
public sealed class KernelShapCheck : ICheck
{
    /// <summary>Rows whose top reasons the details list.</summary>
    public const int ExampleRows = 20;

    private const int ReasonsPerExample = 3;

    public string Id => "explainability.kernel-shap";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var (inputs, refusal) = ExplainSetup.Resolve(data, requirement);
        if (inputs is null)
        {
            return [refusal!];
        }

        var settings = ShapSettings.Read(requirement.Parameters);
        var (global, problem) = Scoring.Guard(() => ShapEngine.Global(data, inputs, settings));
        if (problem is not null)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        var sensitive = ExplainSetup.ProtectedFeatures(data, inputs.Features);
        sensitive.UnionWith(inputs.Features.Where(f => data.Proxies.Contains(f, StringComparer.OrdinalIgnoreCase)));
        var flagged = inputs.Features.Select(sensitive.Contains).ToArray();
        var explanation = global.Explanation;
        var details = new Dictionary<string, object?>
        {
            ["importance"] = FeatureImportance.Details(global.Importance),
            ["sensitive_features"] = inputs.Features.Where(sensitive.Contains).ToList(),
            ["base_value"] = explanation.BaseValue,
            ["explained_rows"] = explanation.Count,
            ["background_rows"] = global.BackgroundRows,
            ["coalitions"] = ShapEngine.Explainer(data, inputs, settings).Plan.Count,
            ["exact"] = explanation.Exact,
            ["background_sampling"] = "seeded sample without replacement of the test rows",
            ["row_reasons"] = Examples(explanation),
        };
        var value = Share(global.Importance.Select(i => i.Value).ToArray(), flagged);
        var interval = ShapEngine.Interval(global.Replicates, r => Share(r, flagged), requirement.Confidence);
        var note = sensitive.Count == 0
            ? "no protected attribute or declared proxy is a model input, so none of the attribution can fall on one"
            : string.Create(CultureInfo.InvariantCulture, $"{Percent(value)} of mean |SHAP| falls on {ExplainSetup.Quote(inputs.Features.Where(sensitive.Contains))} over {explanation.Count} rows");
        return [CheckResults.Decide(requirement, new Measurement(value, interval, explanation.Count), details: details, note: note)];
    }

    private static double Share(double[] meanAbsolute, bool[] flagged)
    {
        var total = meanAbsolute.Sum();
        return total <= 0 ? 0 : meanAbsolute.Where((_, j) => flagged[j]).Sum() / total;
    }

    /// <summary>The first rows' top features by |SHAP| and whether each raises or lowers the score, by row index only (never a value).</summary>
    private static List<Dictionary<string, object?>> Examples(ShapExplanation explanation) =>
        [.. Enumerable.Range(0, Math.Min(ExampleRows, explanation.Count)).Select(r =>
        {
            var row = explanation.Row(r).ToArray();
            var top = Enumerable.Range(0, row.Length).OrderByDescending(j => Math.Abs(row[j])).ThenBy(j => j).Take(ReasonsPerExample).ToList();
            return new Dictionary<string, object?>
            {
                ["row"] = explanation.Rows[r],
                ["reasons"] = top.Select(j => explanation.Features[j]).ToList(),
                ["directions"] = top.Select(j => row[j] >= 0 ? "raises" : "lowers").ToList(),
            };
        })];

    private static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);
}
