using ModelCert.Core.Checks;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

internal static partial class PolicyParser
{
    private static List<RequirementSpec> ParseRequirements(Node node, DiagnosticBag diagnostics)
    {
        var requirements = new List<RequirementSpec>();
        if (node is not SequenceNode sequence)
        {
            ScalarValues.Report(node, "'requirements' must be a list of requirements ('- id: ...')", diagnostics);
            return requirements;
        }

        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (ParseRequirement(item, diagnostics) is not { } requirement)
            {
                continue;
            }

            if (seen.TryGetValue(requirement.Id, out var first))
            {
                diagnostics.Add(requirement.Position, $"duplicate requirement id '{requirement.Id}' (first at line {Format.Number(first.Line)})");
                continue;
            }

            seen.Add(requirement.Id, requirement.Position);
            requirements.Add(requirement);
        }

        return requirements;
    }

    private static RequirementSpec? ParseRequirement(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "requirement", PolicyFields.Requirement, diagnostics);
        if (reader is null)
        {
            return null;
        }

        var id = ParseId(reader);
        var check = ParseCheck(reader, out var definition);
        var parameters = reader.Optional("params") is { } paramsNode ? ParameterParser.Parse(paramsNode, definition, diagnostics) : [];
        var (min, max) = reader.Required("threshold") is { } thresholdNode ? ParseThreshold(thresholdNode, diagnostics) : (null, null);
        var requirement = new RequirementSpec(
            id ?? string.Empty,
            reader.Key("id")?.Start ?? reader.Start,
            reader.Text("title"),
            check ?? string.Empty,
            reader.Optional("check")?.Start ?? reader.Start,
            parameters,
            min,
            max,
            Confidence(reader),
            OnFail(reader),
            OnUncertain(reader),
            MinSample(reader),
            reader.TextList("references") ?? [],
            reader.Text("rationale"),
            reader.Text("remediation"),
            reader.Optional("scope") is { } scopeNode ? ParseScope(scopeNode, "requirement scope", diagnostics) : PolicyScope.Any);
        return id is null || check is null ? null : requirement;
    }

    private static string? ParseId(MappingReader reader)
    {
        var id = reader.Text("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Diagnostics.Add(reader.Optional("id")!.Start, $"requirement 'id' must start with a lower-case letter or digit and use only a-z, 0-9, '.', '_' and '-'; found '{id}'");
            return null;
        }

        return id;
    }

    private static string? ParseCheck(MappingReader reader, out CheckDefinition? definition)
    {
        definition = null;
        var check = reader.Text("check", required: true);
        if (check is null)
        {
            return null;
        }

        if (!CheckCatalog.TryGet(check, out definition))
        {
            var ids = CheckCatalog.All.Select(c => c.Id).ToArray();
            reader.Diagnostics.Add(reader.Optional("check")!.Start, $"unknown check '{check}'{Suggestions.Hint(check, ids, "checks")}");
            return null;
        }

        return check;
    }

    private static (ThresholdSide? Min, ThresholdSide? Max) ParseThreshold(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "threshold", PolicyFields.Threshold, diagnostics);
        if (reader is null)
        {
            return (null, null);
        }

        if (reader.Optional("min") is null && reader.Optional("max") is null)
        {
            diagnostics.Add(reader.Start, "'threshold' needs 'min', 'max' or both");
            return (null, null);
        }

        var min = reader.Number("min") is { } low ? new ThresholdSide(low, reader.Key("min")!.Start) : null;
        var max = reader.Number("max") is { } high ? new ThresholdSide(high, reader.Key("max")!.Start) : null;
        if (min is not null && max is not null && min.Value > max.Value)
        {
            diagnostics.Add(max.Position, $"threshold min {Format.Number(min.Value)} is greater than max {Format.Number(max.Value)}; no measurement could pass");
        }

        return (min, max);
    }
}
