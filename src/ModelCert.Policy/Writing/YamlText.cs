using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelCert.Policy.Writing;

/// <summary>
/// Scalars for hand-written YAML: plain when a value cannot be mistaken for anything else, double-quoted and escaped
/// otherwise, so every reader (YAML 1.1 or 1.2) reads back exactly the string that was written.
/// </summary>
internal static partial class YamlText
{
    private static readonly string[] Reserved = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"];

    public static string Scalar(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (SafePlain().IsMatch(value) && !Reserved.Contains(value.ToLowerInvariant()))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff' =>
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    public static string Number(double? value) => value is { } number ? Format.Number(number) : "null";

    public static string Number(int? value) => value is { } number ? Format.Number(number) : "null";

    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>A typed parameter value (<see cref="Core.Requirements.RequirementParameters.Values"/>) as YAML; null when unset.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        bool flag => Boolean(flag),
        int number => Number(number),
        double number => Number(number),
        string text => Scalar(text),
        IEnumerable<double> numbers => "[" + string.Join(", ", numbers.Select(n => Format.Number(n))) + "]",
        IEnumerable<string> names => List(names),
        _ => Scalar(value.ToString()),
    };

    /// <summary>A flow list of scalars, e.g. <c>[sex, race]</c>; null for an absent list.</summary>
    public static string List(IEnumerable<string>? items) => items is null ? "null" : "[" + string.Join(", ", items.Select(Scalar)) + "]";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_./-]*(:[A-Za-z0-9_./-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();
}
