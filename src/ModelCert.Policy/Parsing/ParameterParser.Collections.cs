using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>The list- and map-valued parameters: attributes, columns, privileged.</summary>
internal static partial class ParameterParser
{
    private static ParameterValue? Attributes(Node node, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode { Value: "all" })
        {
            return Of("attributes", null, "all");
        }

        if (node is not SequenceNode)
        {
            ScalarValues.Report(node, "'attributes' must be a list of attribute names, e.g. [sex, race], or all", diagnostics);
            return null;
        }

        return Names("attributes", node, diagnostics) is { } names ? Of("attributes", names, List(names)) : null;
    }

    private static List<string>? Names(string name, Node node, DiagnosticBag diagnostics)
    {
        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            ScalarValues.Report(node, $"'{name}' must be a non-empty list of names, e.g. [a, b]", diagnostics);
            return null;
        }

        var names = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode { IsNull: false, Value.Length: > 0 } scalar)
            {
                ScalarValues.Report(item, $"each item of '{name}' must be a non-empty name", diagnostics);
            }
            else if (names.Contains(scalar.Value, StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Add(item.Start, $"'{scalar.Value}' is listed twice in '{name}' (names match case-insensitively)");
            }
            else
            {
                names.Add(scalar.Value);
            }
        }

        return names.Count == sequence.Items.Count ? names : null;
    }

    private static ParameterValue? Privileged(Node node, DiagnosticBag diagnostics)
    {
        if (node is not MappingNode mapping)
        {
            ScalarValues.Report(node, "'privileged' must map attribute names to their reference value, e.g. { sex: Male }", diagnostics);
            return null;
        }

        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } scalar)
            {
                values[entry.Key.Value] = scalar.Value;
            }
            else
            {
                ScalarValues.Report(entry.Value, $"privileged value of '{entry.Key.Value}' must be a single value", diagnostics);
            }
        }

        var display = "{" + string.Join(", ", values.Select(p => $"{p.Key}: {p.Value}")) + "}";
        return Of("privileged", (IReadOnlyDictionary<string, string>)values, display);
    }
}
