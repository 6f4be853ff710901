using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>
/// Counts the model-card fields the submission leaves empty among those its risk tier requires (the EU AI Act's
/// Annex IV list for high risk). <c>metrics</c> is present when this run measured performance (labels and scores);
/// the others are the submission's <c>card:</c> texts, blank counting as missing. <c>fields</c> overrides the list.
/// </summary>
public sealed class ModelCardCheck : ICheck
{
    /// <summary>Every field the check knows, in the order Annex IV(1)-(2) and a model card list them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["intended_use", "out_of_scope_uses", "training_data", "evaluation_data", "metrics", "limitations", "ethical_considerations", "owner", "contact"];

    /// <summary>The fields each risk tier requires; high and unacceptable (and an unstated tier) require all.</summary>
    public static IReadOnlyList<string> RequiredFor(string? riskTier) => riskTier switch
    {
        "minimal" => ["intended_use", "owner", "contact"],
        "limited" => ["intended_use", "out_of_scope_uses", "limitations", "owner", "contact"],
        _ => Fields,
    };

    public string Id => "compliance.model-card";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var named = requirement.Parameters.Names("fields") is not null;
        if (ComplianceText.RequiredFields(requirement, Fields, RequiredFor(data.RiskTier), "model-card", out var problem) is not { } required)
        {
            return [CheckResults.Error(requirement, problem!)];
        }

        var missing = required.Where(field => !IsPresent(data, field)).ToList();
        var basis = named ? "the requirement's list" : data.RiskTier is { } tier ? $"risk tier '{tier}'" : "risk tier not stated, so the high-risk list";
        var details = new Dictionary<string, object?>
        {
            ["required"] = required,
            ["missing"] = missing,
            ["required_by"] = basis,
        };
        var note = missing.Count == 0
            ? $"all {required.Count} fields required by {basis} are filled"
            : $"missing: {string.Join(", ", missing)} (required by {basis})";
        return [CheckResults.Decide(ComplianceText.Census(requirement), ComplianceText.Count(missing.Count, required.Count), details: details, note: note)];
    }

    private static bool IsPresent(EvaluationData data, string field)
    {
        var card = data.Card;
        var text = field switch
        {
            "intended_use" => card.IntendedUse,
            "out_of_scope_uses" => card.OutOfScopeUses,
            "training_data" => card.TrainingData,
            "evaluation_data" => card.EvaluationData,
            "limitations" => card.Limitations,
            "ethical_considerations" => card.EthicalConsiderations,
            "owner" => card.Owner,
            "contact" => card.Contact,
            _ => null,
        };
        return field == "metrics" ? MetricsMeasured(data) : !string.IsNullOrWhiteSpace(text);
    }

    /// <summary>Performance was measured when there are labels (or targets) and scores to compare them with.</summary>
    private static bool MetricsMeasured(EvaluationData data) =>
        data.Scores is not null && (data.Task == ModelTask.Regression ? data.Target is not null : data.Truth is not null);
}
