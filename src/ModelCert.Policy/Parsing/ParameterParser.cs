using ModelCert.Core.Checks;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>
/// Reads a requirement's <c>params</c>: only the names its check takes (<see cref="CheckDefinition.Parameters"/>), each
/// with its type and range. When the check itself is unknown, the types are still checked.
/// </summary>
internal static partial class ParameterParser
{
    public static List<ParameterValue> Parse(Node node, CheckDefinition? check, DiagnosticBag diagnostics)
    {
        var values = new List<ParameterValue>();
        var allowed = check?.Parameters ?? PolicyFields.Parameters;
        if (node is not MappingNode mapping)
        {
            ScalarValues.Report(node, "'params' must be a mapping of parameter names to values", diagnostics);
            return values;
        }

        foreach (var (key, value) in mapping.Entries.Select(e => (e.Key, e.Value)))
        {
            if (!allowed.Contains(key.Value))
            {
                diagnostics.Add(key.Start, UnknownMessage(key.Value, check, allowed));
                continue;
            }

            if (value is ScalarNode { IsNull: true })
            {
                continue;
            }

            if (ParseValue(key.Value, value, diagnostics) is { } parsed)
            {
                values.Add(parsed with { Position = key.Start });
            }
        }

        return values;
    }

    private static string UnknownMessage(string name, CheckDefinition? check, IReadOnlyList<string> allowed)
    {
        var subject = check is null ? string.Empty : $" for check '{check.Id}'";
        if (allowed.Count == 0)
        {
            return $"unknown parameter '{name}'{subject}; it takes no parameters";
        }

        var known = PolicyFields.Parameters.Contains(name) ? $"parameter '{name}' does not apply{subject}" : $"unknown parameter '{name}'{subject}";
        return known + Suggestions.Hint(name, [.. allowed], "parameters");
    }

    private static ParameterValue? ParseValue(string name, Node node, DiagnosticBag diagnostics) => name switch
    {
        "attributes" => Attributes(node, diagnostics),
        "intersections" => ScalarValues.Boolean(node, name, diagnostics) is { } flag ? Of(name, flag, flag ? "true" : "false") : null,
        "min_group_size" => Ranged(name, ScalarValues.Integer(node, name, diagnostics), 1, int.MaxValue, node, diagnostics),
        "bins" => Ranged(name, ScalarValues.Integer(node, name, diagnostics), 2, 1000, node, diagnostics),
        "min_group_share" => Share(node, diagnostics),
        "privileged" => Privileged(node, diagnostics),
        "columns" => Names(name, node, diagnostics) is { } columns ? Of(name, columns, List(columns)) : null,
        _ => CheckCatalog.TryGetParameter(name, out var spec) ? Typed(spec, node, diagnostics) : null,
    };

    private static ParameterValue Of(string name, object? value, string display) => new(name, value, display, default);

    private static ParameterValue? Ranged(string name, int? value, int low, int high, Node node, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return null;
        }

        if (value < low || value > high)
        {
            var range = high == int.MaxValue ? $"at least {Format.Number(low)}" : $"between {Format.Number(low)} and {Format.Number(high)}";
            diagnostics.Add(node.Start, $"'{name}' must be {range}; found {Format.Number(value.Value)}");
            return null;
        }

        return Of(name, value.Value, Format.Number(value.Value));
    }

    private static ParameterValue? Share(Node node, DiagnosticBag diagnostics)
    {
        var value = ScalarValues.Number(node, "min_group_share", diagnostics);
        if (value is null)
        {
            return null;
        }

        if (value is < 0 or >= 1)
        {
            diagnostics.Add(node.Start, $"'min_group_share' must be at least 0 and below 1, e.g. 0.02; found {Format.Number(value.Value)}");
            return null;
        }

        return Of("min_group_share", value.Value, Format.Number(value.Value));
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
