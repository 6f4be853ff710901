using System.Text;

using ModelCert.Core.Checks;

using ModelCert.Policy.Writing;

namespace ModelCert.Policy;

/// <summary>
/// Writes a resolved policy as YAML (<c>policy.lock.yaml</c> in the evidence pack): every requirement with all values
/// made explicit, the provenance of each threshold side, the policies with their SHA-256, and what scope left out.
/// The output depends only on the input, so equal resolutions give byte-identical files.
/// </summary>
public static class PolicyLockWriter
{
    public static string ToYaml(ResolvedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var yaml = new StringBuilder();
        yaml.Append("# The resolved policy, written by ModelCert. Do not edit: change the policies and resolve again.\n");
        yaml.Append("apiVersion: modelcert/v1\n");
        yaml.Append("kind: PolicyLock\n");
        yaml.Append(policy.Policies.Count == 0 ? "policies: []\n" : "policies:\n");
        foreach (var source in policy.Policies)
        {
            yaml.Append("  - name: ").Append(YamlText.Scalar(source.Name)).Append('\n');
            Field(yaml, 4, "version", YamlText.Scalar(source.Version));
            Field(yaml, 4, "origin", YamlText.Scalar(source.Origin));
            Field(yaml, 4, "sha256", YamlText.Scalar(source.Sha256));
        }

        yaml.Append(policy.Requirements.Count == 0 ? "requirements: []\n" : "requirements:\n");
        foreach (var requirement in policy.Requirements)
        {
            WriteRequirement(yaml, requirement);
        }

        yaml.Append(policy.OutOfScope.Count == 0 ? "out_of_scope: []\n" : "out_of_scope:\n");
        foreach (var skipped in policy.OutOfScope)
        {
            yaml.Append("  - id: ").Append(YamlText.Scalar(skipped.Id)).Append('\n');
            Field(yaml, 4, "check", YamlText.Scalar(skipped.Check));
            Field(yaml, 4, "declared_by", Origin(skipped.DeclaredBy));
            Field(yaml, 4, "reason", YamlText.Scalar(skipped.Reason));
        }

        return yaml.ToString();
    }

    private static void WriteRequirement(StringBuilder yaml, ResolvedRequirement requirement)
    {
        yaml.Append("  - id: ").Append(YamlText.Scalar(requirement.Id)).Append('\n');
        Field(yaml, 4, "title", YamlText.Scalar(requirement.Title));
        Field(yaml, 4, "check", YamlText.Scalar(requirement.Check));
        WriteParameters(yaml, requirement);
        Field(yaml, 4, "threshold", string.Empty);
        Field(yaml, 6, "min", YamlText.Number(requirement.Threshold.Min));
        Field(yaml, 6, "max", YamlText.Number(requirement.Threshold.Max));
        Field(yaml, 4, "confidence", YamlText.Number(requirement.Confidence));
        Field(yaml, 4, "on_fail", Format.Name(requirement.OnFail));
        Field(yaml, 4, "on_uncertain", Format.Name(requirement.OnUncertain));
        Field(yaml, 4, "min_sample", YamlText.Number(requirement.MinSample));
        Field(yaml, 4, "references", YamlText.List(requirement.References));
        Field(yaml, 4, "rationale", YamlText.Scalar(requirement.Rationale));
        Field(yaml, 4, "remediation", YamlText.Scalar(requirement.Remediation));
        Field(yaml, 4, "provenance", string.Empty);
        Field(yaml, 6, "min", requirement.MinSetBy is null ? "null" : Origin(requirement.MinSetBy));
        Field(yaml, 6, "max", requirement.MaxSetBy is null ? "null" : Origin(requirement.MaxSetBy));
        Field(yaml, 6, "declared_by", string.Empty);
        foreach (var origin in requirement.DeclaredBy)
        {
            yaml.Append("        - ").Append(Origin(origin)).Append('\n');
        }
    }

    /// <summary>The parameters the check takes, defaults included, so the lock says exactly what was evaluated.</summary>
    private static void WriteParameters(StringBuilder yaml, ResolvedRequirement requirement)
    {
        var takes = CheckCatalog.TryGet(requirement.Check, out var check) ? check.Parameters : [];
        var p = requirement.Parameters;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["attributes"] = p.Attributes is null ? "all" : YamlText.List(p.Attributes),
            ["intersections"] = YamlText.Boolean(p.Intersections),
            ["min_group_size"] = YamlText.Number(p.MinGroupSize),
            ["min_group_share"] = YamlText.Number(p.MinGroupShare),
            ["privileged"] = "{" + string.Join(", ", p.Privileged.OrderBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => $"{YamlText.Scalar(x.Key)}: {YamlText.Scalar(x.Value)}")) + "}",
            ["bins"] = YamlText.Number(p.Bins),
            ["columns"] = YamlText.List(p.Columns),
        };
        Field(yaml, 4, "params", takes.Count == 0 ? "{}" : string.Empty);
        foreach (var name in takes)
        {
            Field(yaml, 6, name, values.TryGetValue(name, out var shared) ? shared : YamlText.Value(p.Values.GetValueOrDefault(name)));
        }
    }

    private static string Origin(PolicyOrigin origin) =>
        $"{{policy: {YamlText.Scalar(origin.Name)}, version: {YamlText.Scalar(origin.Version)}, origin: {YamlText.Scalar(origin.Origin)}, line: {Format.Number(origin.Line)}}}";

    private static void Field(StringBuilder yaml, int indent, string name, string value)
    {
        yaml.Append(' ', indent).Append(name).Append(':');
        if (value.Length > 0)
        {
            yaml.Append(' ').Append(value);
        }

        yaml.Append('\n');
    }
}
