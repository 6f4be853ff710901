using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>
/// Counts model inputs that are prohibited (<c>prohibited</c>; by default the submission's protected attributes) or,
/// when an <c>approved</c> list is given, not on it. Names compare as the input mapper matches them: case and
/// punctuation are ignored, so <c>Marital-Status</c> is <c>marital_status</c>. The inputs are the data columns the
/// model reads, known from a runnable model or from <c>--features</c> in predictions mode.
/// </summary>
public sealed class InputsCheck : ICheck
{
    public string Id => "compliance.inputs";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var inputs = data.FeatureColumns.Count > 0 ? data.FeatureColumns : data.Model?.Features ?? [];
        if (inputs.Count == 0)
        {
            return [CheckResults.Skipped(requirement, "the model's inputs are not known (predictions mode without --features)")];
        }

        var listed = requirement.Parameters.Names("prohibited");
        var prohibited = listed ?? [.. data.Attributes.Where(a => !a.Name.Contains('|', StringComparison.Ordinal)).Select(a => a.Name)];
        var approved = requirement.Parameters.Names("approved");
        if (prohibited.Count == 0 && approved is null)
        {
            return [CheckResults.Skipped(requirement, "there is nothing to compare the inputs with: no params.prohibited, no params.approved and no protected attributes")];
        }

        var forbidden = inputs.Where(i => prohibited.Any(p => ComplianceText.Same(p, i))).ToList();
        var unapproved = approved is null ? [] : inputs.Where(i => !forbidden.Contains(i) && !approved.Any(a => ComplianceText.Same(a, i))).ToList();
        var details = new Dictionary<string, object?>
        {
            ["inputs"] = inputs,
            ["prohibited"] = prohibited,
            ["prohibited_from"] = listed is null ? "the protected attributes" : "params.prohibited",
            ["prohibited_inputs"] = forbidden,
            ["unapproved_inputs"] = unapproved,
        };
        var notes = new List<string>();
        if (forbidden.Count > 0)
        {
            notes.Add($"prohibited inputs: {string.Join(", ", forbidden)}");
        }

        if (unapproved.Count > 0)
        {
            notes.Add($"inputs not among the approved features: {string.Join(", ", unapproved)}");
        }

        if (notes.Count == 0)
        {
            notes.Add(ComplianceText.Invariant($"none of the {inputs.Count} inputs is prohibited{(approved is null ? string.Empty : " and all are approved")}"));
        }

        return [CheckResults.Decide(ComplianceText.Census(requirement), ComplianceText.Count(forbidden.Count + unapproved.Count, inputs.Count), details: details, note: string.Join("; ", notes))];
    }
}
