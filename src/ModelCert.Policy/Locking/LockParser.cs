using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;
using ModelCert.Policy.Parsing;
using ModelCert.Policy.Resolution;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Locking;

/// <summary>The fields of a lock file, read with the policy parser's building blocks; every problem is reported.</summary>
internal static class LockParser
{
    private static readonly string[] RootFields = ["apiVersion", "kind", "policies", "requirements", "out_of_scope"];
    private static readonly string[] PolicyFieldNames = ["name", "version", "origin", "sha256"];
    private static readonly string[] RequirementFields =
        ["id", "title", "check", "params", "threshold", "confidence", "on_fail", "on_uncertain", "min_sample", "references", "rationale", "remediation", "provenance"];

    private static readonly string[] ProvenanceFields = ["min", "max", "declared_by"];
    private static readonly string[] OriginFields = ["policy", "version", "origin", "line"];
    private static readonly string[] OutOfScopeFields = ["id", "check", "declared_by", "reason"];

    public static ResolvedPolicy? Parse(Node root, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(root, "policy lock", RootFields, diagnostics);
        if (reader is null)
        {
            return null;
        }

        if (reader.Text("apiVersion", required: true) is { } api && api != PolicyFields.ApiVersion)
        {
            diagnostics.Add(reader.Optional("apiVersion")!.Start, $"'apiVersion' must be {PolicyFields.ApiVersion}; found '{api}'");
        }

        if (reader.Text("kind", required: true) is { } kind && kind != PolicyLockReader.Kind)
        {
            diagnostics.Add(reader.Optional("kind")!.Start, $"'kind' must be {PolicyLockReader.Kind}; found '{kind}' (is this a policy rather than its lock?)");
        }

        var policies = Items(reader, "policies", diagnostics).Select(n => Policy(n, diagnostics)).OfType<PolicyRef>().ToList();
        var requirements = Items(reader, "requirements", diagnostics).Select(n => Requirement(n, diagnostics)).OfType<ResolvedRequirement>().ToList();
        foreach (var duplicate in requirements.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(reader.Start, $"requirement '{duplicate.Key}' is listed {duplicate.Count()} times");
        }

        var outOfScope = Items(reader, "out_of_scope", diagnostics).Select(n => OutOfScope(n, diagnostics)).OfType<OutOfScopeRequirement>().ToList();
        return new ResolvedPolicy(requirements, policies, outOfScope);
    }

    private static IReadOnlyList<Node> Items(MappingReader reader, string name, DiagnosticBag diagnostics)
    {
        if (reader.Required(name) is not { } node)
        {
            return [];
        }

        if (node is SequenceNode sequence)
        {
            return sequence.Items;
        }

        ScalarValues.Report(node, $"'{name}' must be a list", diagnostics);
        return [];
    }

    private static PolicyRef? Policy(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "policy", PolicyFieldNames, diagnostics);
        var name = reader?.Text("name", required: true);
        var version = reader?.Text("version", required: true);
        var origin = reader?.Text("origin", required: true);
        var sha256 = reader?.Text("sha256", required: true);
        return name is null || version is null || origin is null || sha256 is null ? null : new PolicyRef(name, version, origin, sha256);
    }

    private static ResolvedRequirement? Requirement(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "requirement", RequirementFields, diagnostics);
        if (reader is null)
        {
            return null;
        }

        var id = reader.Text("id", required: true);
        var title = reader.Text("title", required: true);
        var check = reader.Text("check", required: true);
        CheckDefinition? definition = null;
        if (check is not null && !CheckCatalog.TryGet(check, out definition))
        {
            diagnostics.Add(reader.Optional("check")!.Start, $"unknown check '{check}' (the lock was written by a version of ModelCert with other checks)");
            return null;
        }

        var parameters = Parameters(reader, definition, diagnostics);
        var threshold = Threshold(reader, diagnostics);
        var confidence = reader.Number("confidence");
        if (confidence is not (> 0 and < 1))
        {
            diagnostics.Add(reader.Optional("confidence")?.Start ?? reader.Start, "'confidence' must be a number between 0 and 1 (exclusive)");
        }

        var onFail = reader.Choice("on_fail", PolicyFields.FailActions) switch
        {
            0 => FailAction.Block,
            1 => FailAction.Review,
            2 => FailAction.Warn,
            _ => (FailAction?)null,
        };
        var onUncertain = reader.Choice("on_uncertain", PolicyFields.UncertainActions) switch
        {
            0 => UncertainAction.Fail,
            1 => UncertainAction.Review,
            2 => UncertainAction.Warn,
            3 => UncertainAction.Pass,
            _ => (UncertainAction?)null,
        };
        var minSample = reader.Integer("min_sample");
        var (minSetBy, maxSetBy, declaredBy) = Provenance(reader, diagnostics);
        if (id is null || title is null || check is null || parameters is null || threshold is null || confidence is not (> 0 and < 1)
            || onFail is null || onUncertain is null || minSample is not >= 1)
        {
            if (onFail is null || onUncertain is null || minSample is not >= 1)
            {
                diagnostics.Add(reader.Start, $"requirement '{id}' needs on_fail, on_uncertain and a min_sample of at least 1");
            }

            return null;
        }

        return new ResolvedRequirement(
            id, title, check, parameters, threshold, confidence.Value, onFail.Value, onUncertain.Value, minSample.Value,
            reader.TextList("references") ?? [], reader.Text("rationale"), reader.Text("remediation"), minSetBy, maxSetBy, declaredBy);
    }

    private static RequirementParameters? Parameters(MappingReader reader, CheckDefinition? definition, DiagnosticBag diagnostics)
    {
        if (reader.Required("params") is not { } node)
        {
            return null;
        }

        var before = diagnostics.Count;
        var values = ParameterParser.Parse(node, definition, diagnostics);
        return diagnostics.Count > before ? null : ParameterMerger.Build(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
    }

    private static Threshold? Threshold(MappingReader reader, DiagnosticBag diagnostics)
    {
        var threshold = reader.Required("threshold") is { } node ? MappingReader.Open(node, "threshold", PolicyFields.Threshold, diagnostics) : null;
        if (threshold is null)
        {
            return null;
        }

        var min = threshold.Number("min");
        var max = threshold.Number("max");
        if (min is null && max is null)
        {
            diagnostics.Add(threshold.Start, "'threshold' needs 'min', 'max' or both");
            return null;
        }

        return new Threshold(min, max);
    }

    private static (PolicyOrigin? Min, PolicyOrigin? Max, IReadOnlyList<PolicyOrigin> DeclaredBy) Provenance(MappingReader reader, DiagnosticBag diagnostics)
    {
        var provenance = reader.Required("provenance") is { } node ? MappingReader.Open(node, "provenance", ProvenanceFields, diagnostics) : null;
        if (provenance is null)
        {
            return (null, null, []);
        }

        var min = provenance.Optional("min") is { } minNode ? Origin(minNode, diagnostics) : null;
        var max = provenance.Optional("max") is { } maxNode ? Origin(maxNode, diagnostics) : null;
        var declared = new List<PolicyOrigin>();
        if (provenance.Optional("declared_by") is SequenceNode sequence)
        {
            declared.AddRange(sequence.Items.Select(item => Origin(item, diagnostics)).OfType<PolicyOrigin>());
        }
        else
        {
            diagnostics.Add(provenance.Start, "'declared_by' must list the policies that declared the requirement");
        }

        return (min, max, declared);
    }

    private static PolicyOrigin? Origin(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "policy origin", OriginFields, diagnostics);
        var policy = reader?.Text("policy", required: true);
        var version = reader?.Text("version", required: true);
        var origin = reader?.Text("origin", required: true);
        var line = reader?.Integer("line");
        return policy is null || version is null || origin is null || line is null ? null : new PolicyOrigin(policy, version, origin, line.Value);
    }

    private static OutOfScopeRequirement? OutOfScope(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "out_of_scope entry", OutOfScopeFields, diagnostics);
        var id = reader?.Text("id", required: true);
        var check = reader?.Text("check", required: true);
        var declaredBy = reader?.Required("declared_by") is { } origin ? Origin(origin, diagnostics) : null;
        var reason = reader?.Text("reason", required: true);
        return id is null || check is null || declaredBy is null || reason is null ? null : new OutOfScopeRequirement(id, check, declaredBy, reason);
    }
}
