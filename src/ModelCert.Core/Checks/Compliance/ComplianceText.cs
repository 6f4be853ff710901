using System.Globalization;
using System.Text;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>Wording, name matching and counted measurements shared by the compliance checks.</summary>
internal static class ComplianceText
{
    /// <summary>
    /// A count of problems found by reading declarations: exact, so it has no interval (a census, not a sample).
    /// The sample size is the number of things looked at.
    /// </summary>
    public static Measurement Count(int problems, int lookedAt) => new(problems, null, lookedAt);

    /// <summary>
    /// The requirement without a minimum sample: compliance checks read every declaration and every evaluated row, so
    /// there is nothing too small to judge; a count of 0 problems among 4 fields is final, not a small sample.
    /// </summary>
    public static Requirement Census(Requirement requirement) => requirement with { MinSample = 0 };

    /// <summary>Lower case with every non-alphanumeric removed, as the input mapper folds names (<c>Marital-Status</c> = <c>marital_status</c>).</summary>
    public static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The fields a requirement's <c>fields</c> parameter names, spelled as <paramref name="known"/> spells them, or
    /// <paramref name="fallback"/> when it names none; null with <paramref name="problem"/> when it names an unknown field.
    /// </summary>
    public static List<string>? RequiredFields(Requirement requirement, IReadOnlyList<string> known, IReadOnlyList<string> fallback, string what, out string? problem)
    {
        problem = null;
        var named = requirement.Parameters.Names("fields");
        if (named is null)
        {
            return [.. fallback];
        }

        if (Unknown(named, known) is { Count: > 0 } unknown)
        {
            problem = $"params.fields names unknown {what} fields {Quote(unknown)}; valid: {string.Join(", ", known)}";
            return null;
        }

        return [.. named.Select(n => known.First(f => Same(f, n))).Distinct(StringComparer.Ordinal)];
    }

    public static bool Same(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    public static List<string> Unknown(IEnumerable<string> names, IReadOnlyList<string> known) =>
        [.. names.Where(n => !known.Any(k => Same(k, n)))];

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
