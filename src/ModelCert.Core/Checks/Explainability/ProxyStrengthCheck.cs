using System.Globalization;
using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Proxy detection: for each protected attribute (one result each), how well each feature predicts it on its own
/// (<see cref="ProxyMeasures"/>: one-vs-rest AUC, or normalised mutual information). The value is the largest
/// strength; features above the flag threshold (the requirement's <c>max</c>, else 0.8 for AUC and 0.3 for NMI) are
/// listed in <c>details["drivers"]</c>. Needs no model: the features are data columns, so it also runs in predictions
/// mode. The attribute's own column is never its proxy and is left out.
/// </summary>
public sealed class ProxyStrengthCheck : ICheck
{
    public const int DefaultMinGroupSize = 30;
    public const int DefaultBins = 10;

    public string Id => "explainability.proxy-strength";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Attributes.Count == 0)
        {
            return [CheckResults.Skipped(requirement, "no protected attributes: the submission names none")];
        }

        var features = Candidates(data, requirement.Parameters);
        var absent = features.Where(f => !data.Test.TryGetColumn(f, out _)).ToList();
        if (absent.Count > 0)
        {
            return [CheckResults.Error(requirement, $"parameter 'features' names {ExplainSetup.Quote(absent)}, which {data.TestOrigin} does not have")];
        }

        var measure = requirement.Parameters.Choice("measure", "auc");
        var flagAt = requirement.Threshold.Max ?? (measure == "nmi" ? 0.3 : 0.8);
        var results = new List<CheckResult>();
        foreach (var choice in AttributeChoice.Select(data.Attributes, requirement.Parameters))
        {
            if (choice.Attribute is not { } attribute)
            {
                results.Add(CheckResults.Error(requirement, choice.Reason!, choice.Name));
                continue;
            }

            results.Add(Measure(data, requirement, attribute, features, measure, flagAt));
        }

        return results;
    }

    private static CheckResult Measure(EvaluationData data, Requirement requirement, ProtectedAttribute attribute, IReadOnlyList<string> features, string measure, double flagAt)
    {
        var own = new HashSet<string>(attribute.Name.Split('|'), StringComparer.OrdinalIgnoreCase);
        var rows = Enumerable.Range(0, data.Rows).Where(r => attribute.Codes[r] >= 0).ToArray();
        var minGroupSize = requirement.Parameters.MinGroupSize ?? DefaultMinGroupSize;
        var pairs = features
            .Where(f => !own.Contains(f))
            .Select(f => measure == "nmi"
                ? ProxyMeasures.Nmi(data.Test[f], attribute, rows, requirement.Parameters.Bins ?? DefaultBins, data.Bootstrap, requirement.Confidence)
                : ProxyMeasures.Auc(data.Test[f], attribute, rows, minGroupSize, requirement.Confidence, data.Bootstrap.Seed))
            .OfType<ProxyPair>()
            .OrderByDescending(p => p.Strength)
            .ThenBy(p => p.Feature, StringComparer.Ordinal)
            .ToList();
        if (pairs.Count == 0)
        {
            var why = measure == "auc"
                ? string.Create(CultureInfo.InvariantCulture, $"no feature other than the attribute itself, or no group of '{attribute.Name}' with at least {minGroupSize} rows in and out of it")
                : "no feature other than the attribute itself";
            return CheckResults.Decide(requirement, Measurement.Undefined(why, rows.Length), attribute.Name);
        }

        var top = pairs[0];
        var drivers = pairs.Where(p => p.Strength > flagAt).Select(p => p.Feature).ToList();
        var details = new Dictionary<string, object?>
        {
            ["measure"] = measure,
            ["flag_threshold"] = flagAt,
            ["drivers"] = drivers,
            ["strengths"] = pairs.Select(p => new Dictionary<string, object?>
            {
                ["feature"] = p.Feature,
                ["value"] = p.Strength,
                ["group"] = p.Group,
                ["ci_low"] = p.Low,
                ["ci_high"] = p.High,
            }).ToList(),
        };
        var strongest = top.Group is null ? $"'{top.Feature}'" : $"'{top.Feature}' (group '{top.Group}' vs rest)";
        var note = drivers.Count == 0
            ? $"strongest: {strongest}; no feature is above {flagAt.ToString("0.###", CultureInfo.InvariantCulture)}"
            : $"strongest: {strongest}; flagged as proxies of '{attribute.Name}': {ExplainSetup.Quote(drivers)}";
        var interval = top.Low is { } low && top.High is { } high ? (Math.Min(low, top.Strength), Math.Max(high, top.Strength)) : ((double, double)?)null;
        return CheckResults.Decide(requirement, new Measurement(top.Strength, interval, rows.Length), attribute.Name, details, note);
    }

    /// <summary>The listed features, else the model inputs, else (predictions mode) every column but the label and the attributes.</summary>
    private static IReadOnlyList<string> Candidates(EvaluationData data, RequirementParameters parameters)
    {
        if (parameters.Names("features") is { } listed)
        {
            return listed;
        }

        if (data.FeatureColumns.Count > 0)
        {
            return data.FeatureColumns;
        }

        var excluded = new HashSet<string>(data.Attributes.SelectMany(a => a.Name.Split('|')), StringComparer.OrdinalIgnoreCase);
        if (data.LabelColumn is { } label)
        {
            excluded.Add(label);
        }

        return [.. data.Test.Columns.Select(c => c.Name).Where(n => !excluded.Contains(n))];
    }
}
