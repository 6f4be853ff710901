using System.Text;

namespace ModelCert.Runtime.Scoring;

/// <summary>Name folding and "did you mean" for matching columns to model inputs.</summary>
internal static class ColumnNames
{
    /// <summary>Lower case with every non-alphanumeric removed: skl2onnx turns <c>marital-status</c> into <c>marital_status</c>.</summary>
    public static string Normalize(string name)
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

    /// <summary>The <paramref name="count"/> candidates closest to <paramref name="name"/> by edit distance of folded names.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 3) =>
        Core.Text.Closest.To(name, candidates, count, Normalize);

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
