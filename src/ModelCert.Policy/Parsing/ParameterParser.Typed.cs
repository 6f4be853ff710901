using System.Globalization;
using ModelCert.Core.Checks;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>The parameters a check family types in the catalog (<see cref="ParameterSpec"/>), read by their kind and range.</summary>
internal static partial class ParameterParser
{
    private static ParameterValue? Typed(ParameterSpec spec, Node node, DiagnosticBag diagnostics)
    {
        var name = spec.Name;
        switch (spec.Kind)
        {
            case ParameterKind.Integer:
                return ScalarValues.Integer(node, name, diagnostics) is { } i && InRange(spec, i, node, diagnostics) ? Of(name, i, Format.Number(i)) : null;
            case ParameterKind.Number:
                return ScalarValues.Number(node, name, diagnostics) is { } d && InRange(spec, d, node, diagnostics) ? Of(name, d, Format.Number(d)) : null;
            case ParameterKind.Numbers:
                return NumberList(spec, node, diagnostics) is { } list ? Of(name, list, "[" + string.Join(", ", list.Select(Format.Number)) + "]") : null;
            case ParameterKind.Boolean:
                return ScalarValues.Boolean(node, name, diagnostics) is { } flag ? Of(name, flag, flag ? "true" : "false") : null;
            case ParameterKind.Names:
                return Names(name, node, diagnostics) is { } names && AllAllowed(spec, (SequenceNode)node, diagnostics) ? Of(name, names, List(names)) : null;
            case ParameterKind.Choice:
                return ScalarValues.Choice(node, name, spec.Choices, diagnostics) is { } index ? Of(name, spec.Choices[index], spec.Choices[index]) : null;
            default:
                return null;
        }
    }

    /// <summary>One number or a non-empty list of them, each in range.</summary>
    private static List<double>? NumberList(ParameterSpec spec, Node node, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode)
        {
            return ScalarValues.Number(node, spec.Name, diagnostics) is { } one && InRange(spec, one, node, diagnostics) ? [one] : null;
        }

        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            ScalarValues.Report(node, $"'{spec.Name}' must be a number or a non-empty list of numbers, e.g. [0.01, 0.05]", diagnostics);
            return null;
        }

        var values = new List<double>();
        foreach (var item in sequence.Items)
        {
            if (ScalarValues.Number(item, spec.Name, diagnostics) is { } value && InRange(spec, value, item, diagnostics))
            {
                values.Add(value);
            }
        }

        return values.Count == sequence.Items.Count ? values : null;
    }

    /// <summary>True when the list's spec allows any name, or every item is one of its choices (case-insensitively).</summary>
    private static bool AllAllowed(ParameterSpec spec, SequenceNode sequence, DiagnosticBag diagnostics)
    {
        var allowed = true;
        foreach (var item in spec.Choices.Count == 0 ? [] : sequence.Items)
        {
            var value = ((ScalarNode)item).Value;
            if (!spec.Choices.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                var hint = Suggestions.Closest(value, spec.Choices) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;
                diagnostics.Add(item.Start, $"each item of '{spec.Name}' must be one of {string.Join(", ", spec.Choices)}; found '{value}'{hint}");
                allowed = false;
            }
        }

        return allowed;
    }

    private static bool InRange(ParameterSpec spec, double value, Node node, DiagnosticBag diagnostics)
    {
        if (value >= spec.Min && value <= spec.Max)
        {
            return true;
        }

        var range = (spec.Min == double.MinValue, spec.Max == double.MaxValue) switch
        {
            (true, true) => "a finite number",
            (false, true) => $"at least {Format.Number(spec.Min)}",
            (true, false) => $"at most {Format.Number(spec.Max)}",
            _ => $"between {Format.Number(spec.Min)} and {Format.Number(spec.Max)}",
        };
        diagnostics.Add(node.Start, string.Create(CultureInfo.InvariantCulture, $"'{spec.Name}' must be {range}; found {Format.Number(value)}"));
        return false;
    }
}
