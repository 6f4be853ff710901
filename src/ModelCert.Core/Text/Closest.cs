namespace ModelCert.Core.Text;

/// <summary>"Did you mean": names closest to a misspelt one, by edit distance of case-folded names.</summary>
public static class Closest
{
    /// <summary>The <paramref name="count"/> candidates closest to <paramref name="name"/> (ties by ordinal order).</summary>
    public static IReadOnlyList<string> To(string name, IEnumerable<string> candidates, int count = 3, Func<string, string>? fold = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        fold ??= s => s.ToLowerInvariant();
        var target = fold(name);
        return [.. candidates
            .Select(c => (Name: c, Distance: EditDistance(target, fold(c))))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)];
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each cost one.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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
