namespace ModelCert.Policy.Parsing;

/// <summary>"Did you mean" hints: the closest candidate by edit distance (adjacent swaps count one), or the full list.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="value"/>, when it is close enough to be a likely typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        var normalized = Normalize(value);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Math.Min(Score(value, normalized, candidate), Score(value, normalized, Unprefixed(candidate)));
            if (distance < bestDistance && distance <= Math.Max(2, candidate.Length / 3))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" or "; valid {noun}: a, b, c", to append to an error message.</summary>
    public static string Hint(string value, IReadOnlyCollection<string> candidates, string noun)
    {
        if (Closest(value, candidates) is { } closest)
        {
            return $"; did you mean '{closest}'?";
        }

        return candidates.Count == 0 ? string.Empty : $"; valid {noun}: {string.Join(", ", candidates)}";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static int Score(string value, string normalized, string candidate) =>
        Normalize(candidate) == normalized ? 0 : Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant());

    /// <summary>A check id without its family (<c>performance.roc-auc</c> -> <c>roc-auc</c>), so a left-out family still matches.</summary>
    private static string Unprefixed(string candidate) => candidate[(candidate.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>Case, '_' and '-' do not matter for a suggestion: <c>minSample</c> and <c>min-sample</c> both point at <c>min_sample</c>.</summary>
    private static string Normalize(string value) =>
        value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
