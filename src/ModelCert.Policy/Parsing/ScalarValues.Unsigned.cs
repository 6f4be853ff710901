using System.Globalization;

using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

internal static partial class ScalarValues
{
    /// <summary>A whole number from 0 to <see cref="ulong.MaxValue"/>, such as a random seed, written plain.</summary>
    public static ulong? UnsignedInteger(Node node, string field, DiagnosticBag diagnostics)
    {
        if (node is ScalarNode { IsPlain: true } scalar && IntegerPattern().IsMatch(scalar.Value) && !scalar.Value.StartsWith('-')
            && ulong.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var found = node switch
        {
            ScalarNode { IsPlain: false } quoted when IntegerPattern().IsMatch(quoted.Value) => $", not quoted text; found '\"{quoted.Value}\"' (remove the quotes)",
            ScalarNode text => $"; found '{text.Value}'",
            _ => string.Empty,
        };
        Report(node, $"'{field}' must be a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}{found}", diagnostics);
        return null;
    }
}
