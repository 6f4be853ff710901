using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// How many protected attributes are among the model's top-k drivers, ranked by mean |SHAP| (<c>method: shap</c>,
/// the default) or permutation importance (<c>method: permutation</c>). The engine run is shared with kernel-shap or
/// permutation-importance requirements of the same parameters. The interval comes from the importance intervals:
/// the low end ranks protected attributes at their lower bounds and the rest at their upper bounds, the high end the
/// other way round.
/// </summary>
public sealed class ProtectedTopDriversCheck : ICheck
{
    public const int DefaultK = 3;

    public string Id => "explainability.protected-top-drivers";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Attributes.Count == 0)
        {
            return [CheckResults.Skipped(requirement, "no protected attributes: the submission names none")];
        }

        var (inputs, refusal) = ExplainSetup.Resolve(data, requirement);
        if (inputs is null)
        {
            return [refusal!];
        }

        var k = requirement.Parameters.Integer("k", DefaultK);
        var method = requirement.Parameters.Choice("method", "shap");
        var (ranked, problem) = Importance(data, inputs, requirement, method);
        if (ranked is null)
        {
            return [problem!.StartsWith("no labels", StringComparison.Ordinal) ? CheckResults.Skipped(requirement, problem) : CheckResults.Error(requirement, problem)];
        }

        var protectedFeatures = ExplainSetup.ProtectedFeatures(data, inputs.Features);
        var top = FeatureImportance.Ranked(ranked.Importance).Take(k).Select(i => i.Feature).ToList();
        var count = top.Count(protectedFeatures.Contains);
        var low = CountInTop(ranked.Importance, protectedFeatures, k, pessimistic: false);
        var high = CountInTop(ranked.Importance, protectedFeatures, k, pessimistic: true);
        var details = new Dictionary<string, object?>
        {
            ["method"] = method,
            ["k"] = k,
            ["top_drivers"] = top,
            ["drivers"] = top.Where(protectedFeatures.Contains).ToList(),
            ["protected_inputs"] = inputs.Features.Where(protectedFeatures.Contains).ToList(),
            ["declared_proxies_in_top"] = top.Where(f => data.Proxies.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList(),
            ["importance"] = FeatureImportance.Details(ranked.Importance),
        };
        var note = protectedFeatures.Count == 0
            ? "no protected attribute is a model input (proxies are measured by proxy-strength)"
            : string.Create(CultureInfo.InvariantCulture, $"top {k} drivers by {method}: {ExplainSetup.Quote(top)}");
        return [CheckResults.Decide(requirement, new Measurement(count, (Math.Min(low, count), Math.Max(high, count)), ranked.Rows), details: details, note: note)];
    }

    private static (RankedImportance? Ranked, string? Problem) Importance(EvaluationData data, ExplainInputs inputs, Requirement requirement, string method)
    {
        if (method == "permutation")
        {
            var settings = PermutationSettings.Read(requirement.Parameters, data.Task);
            var (outcome, guardProblem) = Scoring.Guard(() => PermutationEngine.Compute(data, inputs, settings));
            return outcome.Result is { } permutation
                ? (new RankedImportance(permutation.Importance(requirement.Confidence), permutation.Rows), null)
                : (null, guardProblem ?? outcome.Problem);
        }

        var (global, problem) = Scoring.Guard(() => ShapEngine.Global(data, inputs, ShapSettings.Read(requirement.Parameters)));
        return problem is null ? (new RankedImportance(global.Importance, global.Explanation.Count), null) : (null, problem);
    }

    /// <summary>
    /// Protected features in the top k when they are ranked at one end of their intervals and the others at the
    /// opposite end: <paramref name="pessimistic"/> favours protected features (upper bounds against lower bounds).
    /// </summary>
    private static int CountInTop(IReadOnlyList<FeatureImportance> importance, HashSet<string> protectedFeatures, int k, bool pessimistic) =>
        importance
            .Select(i =>
            {
                var isProtected = protectedFeatures.Contains(i.Feature);
                var raise = isProtected == pessimistic;
                return (i.Feature, Value: raise ? i.High ?? i.Value : i.Low ?? i.Value, isProtected);
            })
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.isProtected == pessimistic ? 0 : 1)
            .Take(k)
            .Count(t => t.isProtected);

    private sealed record RankedImportance(IReadOnlyList<FeatureImportance> Importance, int Rows);
}
