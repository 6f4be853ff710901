using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>Seeded row samples without replacement, and the random streams robustness checks draw from.</summary>
internal static class RowSample
{
    /// <summary>
    /// <paramref name="count"/> distinct rows of <paramref name="rows"/>, in ascending order (every row when count is
    /// at least rows), by a partial Fisher-Yates shuffle: the same seed gives the same rows.
    /// </summary>
    public static int[] Choose(int rows, int count, SeededRandom random)
    {
        if (count >= rows)
        {
            return [.. Enumerable.Range(0, rows)];
        }

        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(rows - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// An independent stream for one purpose of one check (its id and a purpose label, hashed with FNV-1a), so a
    /// check's draws do not depend on which other checks ran before it.
    /// </summary>
    public static SeededRandom Stream(ulong seed, string checkId, string purpose, long index = 0)
    {
        var hash = 14695981039346656037UL;
        unchecked
        {
            foreach (var ch in $"{checkId}/{purpose}/{index}")
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
        }

        return SeededRandom.ForStream(seed, hash);
    }
}
