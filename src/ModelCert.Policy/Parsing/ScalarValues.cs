using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>
/// Typed reads of single nodes under YAML 1.2 core rules, stricter than YamlDotNet's: booleans are only
/// <c>true</c>/<c>false</c>, numbers must be finite, a quoted number is a string. Each failure is reported and gives null.
/// </summary>
internal static partial class ScalarValues
{
    private static readonly string[] Yaml11Booleans = ["yes", "no", "on", "off", "y", "n", "true", "false"];

    private static readonly string[] NonFinite = [".inf", "inf", "infinity", ".nan", "nan"];

    public static string? Text(Node node, string field, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.Value;
        }

        Report(node, $"'{field}' must be text", diagnostics);
        return null;
    }

    public static double? Number(Node node, string field, DiagnosticBag diagnostics)
    {
        if (node is not ScalarNode scalar)
        {
            Report(node, $"'{field}' must be a number", diagnostics);
            return null;
        }

        var value = scalar.Value.Trim();
        if (scalar.IsPlain && NumberPattern().IsMatch(value))
        {
            var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsFinite(number))
            {
                return number;
            }
        }

        var unsigned = value.TrimStart('+', '-').ToLowerInvariant();
        var message = (scalar.IsPlain && NumberPattern().IsMatch(value)) || NonFinite.Contains(unsigned)
            ? $"'{field}' must be a finite number; found '{scalar.Value}'"
            : NumberPattern().IsMatch(value)
                ? $"'{field}' must be a number, not quoted text; found '\"{scalar.Value}\"' (remove the quotes)"
                : $"'{field}' must be a number; found '{scalar.Value}'";
        diagnostics.Add(scalar.Start, message);
        return null;
    }

    public static int? Integer(Node node, string field, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode { IsPlain: true } scalar && IntegerPattern().IsMatch(scalar.Value)
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var found = node is ScalarNode text ? $"; found '{text.Value}'" : string.Empty;
        Report(node, $"'{field}' must be a whole number{found}", diagnostics);
        return null;
    }

    public static bool? Boolean(Node node, string field, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode { IsPlain: true, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        var message = node switch
        {
            ScalarNode { IsPlain: true } s when Yaml11Booleans.Contains(s.Value.ToLowerInvariant()) =>
                $"'{field}' must be true or false; found '{s.Value}' (write true or false in lower case; yes/no/on/off mean different things to different YAML readers)",
            ScalarNode { IsPlain: false } s when Yaml11Booleans.Contains(s.Value.ToLowerInvariant()) =>
                $"'{field}' must be true or false, not quoted text; found '\"{s.Value}\"' (remove the quotes)",
            ScalarNode s => $"'{field}' must be true or false; found '{s.Value}'",
            _ => $"'{field}' must be true or false",
        };
        Report(node, message, diagnostics);
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, compared exactly; the index of the match.</summary>
    public static int? Choice(Node node, string field, IReadOnlyList<string> choices, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode scalar)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i], scalar.Value, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            var hint = Suggestions.Closest(scalar.Value, choices) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;
            diagnostics.Add(scalar.Start, $"'{field}' must be one of {string.Join(", ", choices)}; found '{scalar.Value}'{hint}");
            return null;
        }

        Report(node, $"'{field}' must be one of {string.Join(", ", choices)}", diagnostics);
        return null;
    }

    /// <summary>Reports a wrong shape, unless the node is a rejected alias that was reported already.</summary>
    public static void Report(Node node, string message, DiagnosticBag diagnostics)
    {
        if (node is not AliasNode)
        {
            diagnostics.Add(node.Start, message);
        }
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();
}
