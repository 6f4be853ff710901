using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// The number of violations static inspection finds in the model file, judged with this requirement's limits. Certify
/// refuses a violating model before it is loaded (exit 2), using the strictest limits of the policy, so a result here
/// is normally 0; it records the facts (hash, versions, opsets, nodes, sizes, external files) for the evidence.
/// Like the schema check it is a structural count with no sample, so the minimum-sample rule does not apply.
/// </summary>
public sealed class ModelInspectionCheck : ICheck
{
    private const int ViolationsInMessage = 5;
    private const int DetailLimit = 50;

    public string Id => ModelInspectionLimits.CheckId;

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Inspection is not { } inspection)
        {
            return [CheckResults.Skipped(requirement, "predictions mode: there is no model file to inspect")];
        }

        ModelInspectionLimits limits;
        try
        {
            limits = ModelInspectionLimits.From(requirement.Parameters);
        }
        catch (ArgumentException ex)
        {
            return [CheckResults.Error(requirement, ex.Message.Split(" (Parameter", 2)[0])];
        }

        var violations = limits.Violations(inspection);
        var details = new Dictionary<string, object?>
        {
            ["sha256"] = inspection.Sha256,
            ["bytes"] = inspection.Bytes,
            ["ir_version"] = inspection.IrVersion,
            ["opsets"] = inspection.Opsets.Select(o => $"{(o.Domain.Length == 0 ? "ai.onnx" : o.Domain)} {o.Version}").Distinct(StringComparer.Ordinal).ToList(),
            ["node_count"] = inspection.NodeCount,
            ["node_domains"] = inspection.NodeDomains.ToList(),
            ["largest_dimension"] = inspection.LargestDimension?.Value,
            ["largest_element_count"] = inspection.LargestElementCount?.Value,
            ["external_data"] = inspection.ExternalData.Take(DetailLimit).Select(e => $"{e.Tensor}: {e.Location}").ToList(),
            ["external_bytes"] = inspection.ExternalBytes,
            ["violations"] = violations.Take(DetailLimit).ToList(),
        };
        var note = violations.Count == 0
            ? FormattableString.Invariant($"{inspection.NodeCount} nodes, IR {inspection.IrVersion}, {inspection.ExternalData.Count} external tensors; every rule and limit kept")
            : $"violations: {string.Join("; ", violations.Take(ViolationsInMessage))}"
                + (violations.Count > ViolationsInMessage ? FormattableString.Invariant($"; and {violations.Count - ViolationsInMessage} more") : string.Empty);
        var measurement = new Measurement(violations.Count, null, long.MaxValue);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note) with { SampleSize = null }];
    }
}
