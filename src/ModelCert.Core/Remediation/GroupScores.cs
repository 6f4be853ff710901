using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;

namespace ModelCert.Core.Remediation;

/// <summary>
/// One group's scores, sorted, with the number of positive labels at or above each position, so the group's
/// confusion cells under any threshold (decision: score &gt; threshold) come from one binary search. The cells are of
/// the favourable outcome, as the fairness checks count them.
/// </summary>
internal sealed class GroupScores
{
    private readonly double[] _sorted;
    private readonly long[] _positivesFrom;

    private readonly FavourableOutcome _favourable;

    private GroupScores(double[] sorted, long[] positivesFrom, FavourableOutcome favourable)
    {
        _sorted = sorted;
        _positivesFrom = positivesFrom;
        _favourable = favourable;
    }

    public int Count => _sorted.Length;

    public long Positives => _positivesFrom[0];

    /// <summary>
    /// Per group code 0..groupCount-1; rows with a negative code belong to no group. <paramref name="favourable"/> says
    /// which outcome <see cref="At"/> counts as positive.
    /// </summary>
    public static GroupScores[] Build(double[] scores, bool[] truth, int[] codes, int groupCount, FavourableOutcome favourable = FavourableOutcome.Positive)
    {
        var sizes = new int[groupCount];
        foreach (var code in codes)
        {
            if (code >= 0)
            {
                sizes[code]++;
            }
        }

        var keys = sizes.Select(n => new double[n]).ToArray();
        var labels = sizes.Select(n => new bool[n]).ToArray();
        var filled = new int[groupCount];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is var g and >= 0)
            {
                keys[g][filled[g]] = scores[i];
                labels[g][filled[g]++] = truth[i];
            }
        }

        var groups = new GroupScores[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            // Rows with equal scores may end in any order: every threshold cuts between distinct scores, so the counts
            // above a cut do not depend on it.
            Array.Sort(keys[g], labels[g]);
            var positivesFrom = new long[keys[g].Length + 1];
            for (var k = keys[g].Length - 1; k >= 0; k--)
            {
                positivesFrom[k] = positivesFrom[k + 1] + (labels[g][k] ? 1 : 0);
            }

            groups[g] = new GroupScores(keys[g], positivesFrom, favourable);
        }

        return groups;
    }

    /// <summary>
    /// The group's cells of the favourable outcome when its members are decided positive exactly when score &gt;
    /// <paramref name="threshold"/>: with <see cref="FavourableOutcome.Negative"/> label and decision are complemented,
    /// so raising the threshold raises the favourable rate.
    /// </summary>
    public ConfusionCounts At(double threshold)
    {
        var first = FirstAbove(threshold);
        long selected = Count - first;
        var tp = _positivesFrom[first];
        var fp = selected - tp;
        var fn = Positives - tp;
        var tn = Count - Positives - fp;
        return FavourableOutcomes.Complement(new ConfusionCounts(tn, fp, fn, tp), _favourable);
    }

    /// <summary>
    /// Thresholds worth trying: the current one and the group's score quantiles at 0, 1/levels, ..., 1 (a quantile as
    /// threshold selects the rows strictly above it).
    /// </summary>
    public double[] Candidates(double current, int levels)
    {
        var candidates = new SortedSet<double> { current };
        if (Count == 0)
        {
            return [.. candidates];
        }

        for (var j = 0; j <= levels; j++)
        {
            candidates.Add(_sorted[(int)((long)j * (Count - 1) / levels)]);
        }

        return [.. candidates];
    }

    private int FirstAbove(double threshold)
    {
        int low = 0, high = _sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] > threshold)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
