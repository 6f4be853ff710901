using System.Globalization;

namespace ModelCert.Core.Checks.Security;

/// <summary>Judging an inspection's facts against the limits, one sentence per violation.</summary>
public sealed partial record ModelInspectionLimits
{
    /// <summary>
    /// The inspection's own problems, then every limit it breaks. Versions, domains and counts are judged only when
    /// the file was read completely (a truncated file is already a problem, and its partial counts mean nothing).
    /// </summary>
    public IReadOnlyList<string> Violations(ModelInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var violations = new List<string>(inspection.Problems);
        if (inspection.Bytes > MaxBytes)
        {
            violations.Add(Invariant($"the file is {inspection.Bytes} bytes, above the limit of {MaxBytes} (max_bytes)"));
        }
        else if (inspection.ExternalBytes > 0 && inspection.Bytes + inspection.ExternalBytes > MaxBytes)
        {
            violations.Add(Invariant($"the model and its external data are {inspection.Bytes + inspection.ExternalBytes} bytes together, above the limit of {MaxBytes} (max_bytes)"));
        }

        if (!inspection.Complete)
        {
            return violations;
        }

        JudgeVersions(inspection, violations);
        foreach (var domain in inspection.NodeDomains.Where(d => !Allows(d)))
        {
            violations.Add($"nodes use operator domain '{domain}', which is not ai.onnx or ai.onnx.ml (a policy may allow it with allowed_domains)");
        }

        if (inspection.NodeCount > MaxNodes)
        {
            violations.Add(Invariant($"the graphs have {inspection.NodeCount} nodes, above the limit of {MaxNodes} (max_nodes)"));
        }

        if (inspection.LargestDimension is { } dimension && dimension.Value > MaxDimension)
        {
            violations.Add(Invariant($"{dimension.Where} has a dimension of {dimension.Value}, above the limit of {MaxDimension} (max_dimension)"));
        }

        if (inspection.LargestElementCount is { } elements && elements.Value > MaxDimension)
        {
            violations.Add(Invariant($"{elements.Where} has {elements.Value} elements, above the limit of {MaxDimension} (max_dimension)"));
        }

        return violations;
    }

    private void JudgeVersions(ModelInspection inspection, List<string> violations)
    {
        if (inspection.IrVersion < IrVersions.Low || inspection.IrVersion > IrVersions.High)
        {
            violations.Add(Invariant($"IR version {inspection.IrVersion} is outside the allowed {IrVersions.Low} to {IrVersions.High} (ir_versions)"));
        }

        if (inspection.Opsets.Count == 0)
        {
            violations.Add("the model imports no operator set (opset_import is empty)");
        }

        foreach (var opset in inspection.Opsets)
        {
            if (opset.Domain is "" or "ai.onnx")
            {
                if (opset.Version < OpsetVersions.Low || opset.Version > OpsetVersions.High)
                {
                    violations.Add(Invariant($"ai.onnx opset {opset.Version} is outside the allowed {OpsetVersions.Low} to {OpsetVersions.High} (opset_versions)"));
                }
            }
            else if (opset.Domain == "ai.onnx.ml")
            {
                if (opset.Version < 1 || opset.Version > MaxMlOpset)
                {
                    violations.Add(Invariant($"ai.onnx.ml opset {opset.Version} is outside the supported 1 to {MaxMlOpset}"));
                }
            }
            else if (!Allows(opset.Domain))
            {
                violations.Add($"the model imports operator domain '{opset.Domain}', which is not ai.onnx or ai.onnx.ml (a policy may allow it with allowed_domains)");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
