using System.Numerics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>A slice: a conjunction of predicates (ids into the search's predicate table), its rows and errors, and its one-sided p-value.</summary>
internal sealed record Slice(int[] Predicates, long Size, long Errors, double P)
{
    public double Error => (double)Errors / Size;
}

/// <summary>
/// SliceLine-style level-wise enumeration of slices of up to <c>maxPredicates</c> predicates on different features.
/// Level k+1 joins two level-k slices that share their first k-1 predicates (each candidate is built once), keeps
/// it only when every one of its k-predicate parents survived (a priori), and prunes with bounds that children can
/// only lose rows and errors: a candidate whose smallest parent is below the minimum size, or whose error rate
/// cannot exceed min(parent errors) / minimum size above the pruning bar (the overall error rate, or the
/// <c>top</c>-th largest gap found so far among slices with p below alpha), is never built. A candidate whose rows
/// equal one parent's adds a redundant predicate and is dropped. Rows are bitmaps, so building a candidate is a
/// word-wise AND and two popcounts; at most <see cref="MaxParents"/> slices per level (best bound first) are expanded.
/// </summary>
internal sealed class SliceSearch
{
    public const int MaxParents = 2000;

    private readonly int[] _predicateFeature;
    private readonly ulong[] _errorBits;
    private readonly long _rows;
    private readonly long _errors;
    private readonly int _minSize;
    private readonly List<Slice> _evaluated = [];

    private SliceSearch(int[] predicateFeature, ulong[] errorBits, long rows, long errors, int minSize)
    {
        _predicateFeature = predicateFeature;
        _errorBits = errorBits;
        _rows = rows;
        _errors = errors;
        _minSize = minSize;
    }

    /// <summary>The predicate texts, by id.</summary>
    public IReadOnlyList<string> Predicates { get; private init; } = [];

    /// <summary>The feature name of each predicate, by id.</summary>
    public IReadOnlyList<string> PredicateFeatures { get; private init; } = [];

    /// <summary>Every slice tested (size at least the minimum), in the order found.</summary>
    public IReadOnlyList<Slice> Evaluated => _evaluated;

    public double OverallError => (double)_errors / _rows;

    public long Rows => _rows;

    public long Errors => _errors;

    public static SliceSearch Run(IReadOnlyList<SliceFeature> features, bool[] errors, int minSize, int maxPredicates, double alpha, int top)
    {
        var words = (errors.Length + 63) >> 6;
        var errorBits = new ulong[words];
        long errorCount = 0;
        for (var row = 0; row < errors.Length; row++)
        {
            if (errors[row])
            {
                errorBits[row >> 6] |= 1UL << (row & 63);
                errorCount++;
            }
        }

        var texts = new List<string>();
        var featureOf = new List<int>();
        var names = new List<string>();
        var firstLevel = new List<(int[] Predicates, ulong[] Bits)>();
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            var offset = texts.Count;
            texts.AddRange(feature.Labels);
            featureOf.AddRange(Enumerable.Repeat(f, feature.Labels.Length));
            names.AddRange(Enumerable.Repeat(feature.Name, feature.Labels.Length));
            var counts = new int[feature.Labels.Length];
            foreach (var code in feature.Codes)
            {
                counts[code]++;
            }

            var bits = counts.Select(c => c >= minSize ? new ulong[words] : null).ToArray();
            for (var row = 0; row < feature.Codes.Length; row++)
            {
                if (bits[feature.Codes[row]] is { } b)
                {
                    b[row >> 6] |= 1UL << (row & 63);
                }
            }

            for (var code = 0; code < bits.Length; code++)
            {
                if (bits[code] is { } b)
                {
                    firstLevel.Add(([offset + code], b));
                }
            }
        }

        var search = new SliceSearch([.. featureOf], errorBits, errors.Length, errorCount, minSize) { Predicates = texts, PredicateFeatures = names };
        search.Levels(firstLevel, maxPredicates, alpha, top);
        return search;
    }

    private void Levels(List<(int[] Predicates, ulong[] Bits)> firstLevel, int maxPredicates, double alpha, int top)
    {
        var level = new List<(Slice Slice, ulong[] Bits)>();
        foreach (var (predicates, bits) in firstLevel)
        {
            var size = PopCount(bits);
            if (size < _minSize || size == _rows)
            {
                continue;
            }

            var slice = Evaluate(predicates, size, PopCountAnd(bits, _errorBits));
            level.Add((slice, bits));
        }

        for (var k = 2; k <= maxPredicates && level.Count > 1; k++)
        {
            var bar = Bar(alpha, top);
            var parents = level
                .Where(p => Bound(p.Slice.Errors) > bar)
                .OrderByDescending(p => Bound(p.Slice.Errors))
                .ThenByDescending(p => p.Slice.Size)
                .Take(MaxParents)
                .ToList();
            var survivors = parents.ToDictionary(p => Key(p.Slice.Predicates), p => p.Slice);
            var next = new List<(Slice, ulong[])>();
            foreach (var group in parents.GroupBy(p => Key(p.Slice.Predicates.AsSpan(0, k - 2))))
            {
                var members = group.OrderBy(p => p.Slice.Predicates[^1]).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        if (Join(members[i], members[j], survivors, bar) is { } child)
                        {
                            next.Add(child);
                        }
                    }
                }
            }

            level = next;
        }
    }

    private (Slice, ulong[])? Join((Slice Slice, ulong[] Bits) a, (Slice Slice, ulong[] Bits) b, Dictionary<string, Slice> survivors, double bar)
    {
        var lastA = a.Slice.Predicates[^1];
        var lastB = b.Slice.Predicates[^1];
        if (_predicateFeature[lastA] == _predicateFeature[lastB])
        {
            return null;
        }

        int[] predicates = [.. a.Slice.Predicates, lastB];
        Array.Sort(predicates, (x, y) => _predicateFeature[x].CompareTo(_predicateFeature[y]));
        var smallestSize = Math.Min(a.Slice.Size, b.Slice.Size);
        var fewestErrors = Math.Min(a.Slice.Errors, b.Slice.Errors);
        for (var drop = 0; drop < predicates.Length - 2; drop++)
        {
            var parent = predicates.Where((_, i) => i != drop).ToArray();
            if (!survivors.TryGetValue(Key(parent), out var other))
            {
                return null;
            }

            smallestSize = Math.Min(smallestSize, other.Size);
            fewestErrors = Math.Min(fewestErrors, other.Errors);
        }

        if (smallestSize < _minSize || Bound(fewestErrors) <= bar)
        {
            return null;
        }

        var bits = new ulong[a.Bits.Length];
        for (var w = 0; w < bits.Length; w++)
        {
            bits[w] = a.Bits[w] & b.Bits[w];
        }

        var size = PopCount(bits);
        if (size < _minSize || size == a.Slice.Size || size == b.Slice.Size)
        {
            return null;
        }

        return (Evaluate(predicates, size, PopCountAnd(bits, _errorBits)), bits);
    }

    private Slice Evaluate(int[] predicates, long size, long errors)
    {
        var slice = new Slice(predicates, size, errors, SliceStatistics.OneSidedP(errors, size, _errors, _rows));
        _evaluated.Add(slice);
        return slice;
    }

    /// <summary>The largest error-rate gap any child could reach: min(1, errors / minimum size) − overall.</summary>
    private double Bound(long errors) => Math.Min(1, (double)errors / _minSize) - OverallError;

    /// <summary>A child must be able to beat this gap: the top-th best gap so far among slices with p ≤ alpha, at least 0.</summary>
    private double Bar(double alpha, int top)
    {
        var gaps = _evaluated.Where(s => s.P <= alpha).Select(s => s.Error - OverallError).OrderDescending().Take(top).ToList();
        return gaps.Count < top ? 0 : Math.Max(0, gaps[^1]);
    }

    private static string Key(ReadOnlySpan<int> predicates) => string.Join(',', predicates.ToArray());

    private static long PopCount(ulong[] bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    private static long PopCountAnd(ulong[] a, ulong[] b)
    {
        long count = 0;
        for (var w = 0; w < a.Length; w++)
        {
            count += BitOperations.PopCount(a[w] & b[w]);
        }

        return count;
    }
}
