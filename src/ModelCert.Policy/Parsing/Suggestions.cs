namespace ModelCert.Policy.Parsing;

/// <summary>"Did you mean" hints: the closest candidate by edit distance (adjacent swaps count one), or the full list.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="value"/>, when it is close enough to be a likely typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var (typed, known) = Comparable(value, candidate);
            var distance = Normalize(typed) == Normalize(known) ? 0 : Distance(typed.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance < bestDistance && distance <= Math.Max(1, known.Length / 3))
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

    /// <summary>
    /// The parts of two dotted ids worth comparing: the names after a shared family (<c>performance.aucc</c> against
    /// <c>performance.ece</c> compares <c>aucc</c> with <c>ece</c>), or the name alone when the family was left out.
    /// </summary>
    private static (string Value, string Candidate) Comparable(string value, string candidate)
    {
        var dot = candidate.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (value, candidate);
        }

        var valueDot = value.IndexOf('.', StringComparison.Ordinal);
        if (valueDot < 0)
        {
            return (value, candidate[(dot + 1)..]);
        }

        return value.AsSpan(0, valueDot).SequenceEqual(candidate.AsSpan(0, dot)) ? (value[(valueDot + 1)..], candidate[(dot + 1)..]) : (value, candidate);
    }

    /// <summary>Case, '_' and '-' do not matter for a suggestion: <c>minSample</c> and <c>min-sample</c> both point at <c>min_sample</c>.</summary>
    private static string Normalize(string value) =>
        value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
