namespace ModelCert.Core.Checks.Explainability;

/// <summary>One feature's importance with its interval (null bounds when no interval was computed).</summary>
internal sealed record FeatureImportance(string Feature, double Value, double? Low, double? High)
{
    /// <summary>
    /// The details list the report reads: <c>{feature, value, ci_low, ci_high}</c> sorted by value, largest first
    /// (ties by name, so the order is stable).
    /// </summary>
    public static List<Dictionary<string, object?>> Details(IEnumerable<FeatureImportance> importances) =>
        [.. Ranked(importances).Select(i => new Dictionary<string, object?>
        {
            ["feature"] = i.Feature,
            ["value"] = i.Value,
            ["ci_low"] = i.Low,
            ["ci_high"] = i.High,
        })];

    public static IEnumerable<FeatureImportance> Ranked(IEnumerable<FeatureImportance> importances) =>
        importances.OrderByDescending(i => i.Value).ThenBy(i => i.Feature, StringComparer.Ordinal);
}
