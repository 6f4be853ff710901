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
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 3)
    {
        var target = Normalize(name);
        return [.. candidates
            .Select(c => (Name: c, Distance: Distance(target, Normalize(c))))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)];
    }

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
