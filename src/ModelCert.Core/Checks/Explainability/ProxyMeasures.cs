using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>How strongly one feature predicts one protected attribute, with the group it predicts best (AUC only).</summary>
internal sealed record ProxyPair(string Feature, double Strength, string? Group, double? Low, double? High);

/// <summary>
/// The two proxy measures. <b>auc</b>: for each group large enough (one vs rest), the ROC AUC of the feature as a
/// score, folded to max(AUC, 1 - AUC); a numeric feature scores by its value (missing below every value), a
/// categorical one by its target-encoded group rate computed on the other folds of a seeded 5-fold split (so a
/// category's own rows never score themselves), smoothed towards the overall rate. The strength is the best group's,
/// with a Hanley-McNeil interval. <b>nmi</b>: mutual information of the feature (numerics in quantile bins, missing
/// its own bin) and the attribute over the mean of their entropies, with a row-bootstrap interval.
/// </summary>
internal static class ProxyMeasures
{
    private const int Folds = 5;
    private const double Smoothing = 1;
    private const int MaxNmiReplicates = 200;

    public static ProxyPair? Auc(Column feature, ProtectedAttribute attribute, int[] rows, int minGroupSize, double confidence, ulong seed)
    {
        var n = rows.Length;
        var numeric = Numeric(feature, rows);
        (int[] Codes, int Count)? categories = numeric is null ? Categories(feature, rows, bins: 0) : null;
        ProxyPair? best = null;
        for (var g = 0; g < attribute.Groups.Count; g++)
        {
            var member = rows.Select(r => attribute.Codes[r] == g).ToArray();
            var size = member.Count(m => m);
            if (size < minGroupSize || n - size < minGroupSize)
            {
                continue;
            }

            var score = numeric ?? Encode(categories!.Value, member, seed);
            var auc = ScoreMetrics.RocAuc(score, member);
            if (auc is not { } a)
            {
                continue;
            }

            var strength = Math.Max(a, 1 - a);
            if (best is null || strength > best.Strength)
            {
                var half = Normal.Quantile(1 - ((1 - confidence) / 2)) * HanleyMcNeil(strength, size, n - size);
                best = new ProxyPair(feature.Name, strength, attribute.Groups[g], Math.Max(0.5, strength - half), Math.Min(1, strength + half));
            }
        }

        return best;
    }

    public static ProxyPair Nmi(Column feature, ProtectedAttribute attribute, int[] rows, int bins, BootstrapOptions bootstrap, double confidence)
    {
        var (codes, count) = Categories(feature, rows, bins);
        var groups = rows.Select(r => attribute.Codes[r]).ToArray();
        var value = Nmi(codes, count, groups, attribute.Groups.Count, ExplainSetup.AllRows(rows.Length));
        var replicates = Math.Min(bootstrap.Replicates, MaxNmiReplicates);
        if (replicates <= 0)
        {
            return new ProxyPair(feature.Name, value, null, null, null);
        }

        var random = SeededRandom.ForStream(bootstrap.Seed, AttributeCells.StreamOf($"proxy-strength/{feature.Name}/{attribute.Name}"));
        var sample = new int[rows.Length];
        var values = new double[replicates];
        for (var b = 0; b < replicates; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = random.NextInt(sample.Length);
            }

            values[b] = Nmi(codes, count, groups, attribute.Groups.Count, sample);
        }

        var interval = PercentileInterval.Compute(values, confidence);
        return new ProxyPair(feature.Name, value, null, interval?.Low, interval?.High);
    }

    private static double Nmi(int[] x, int xCount, int[] a, int aCount, int[] sample)
    {
        var joint = new long[xCount * aCount];
        foreach (var i in sample)
        {
            joint[(x[i] * aCount) + a[i]]++;
        }

        var n = (double)sample.Length;
        var px = new double[xCount];
        var pa = new double[aCount];
        for (var i = 0; i < xCount; i++)
        {
            for (var j = 0; j < aCount; j++)
            {
                px[i] += joint[(i * aCount) + j] / n;
                pa[j] += joint[(i * aCount) + j] / n;
            }
        }

        var mutual = 0.0;
        for (var i = 0; i < xCount; i++)
        {
            for (var j = 0; j < aCount; j++)
            {
                var p = joint[(i * aCount) + j] / n;
                mutual += p > 0 ? p * Math.Log(p / (px[i] * pa[j])) : 0;
            }
        }

        var entropy = (Entropy(px) + Entropy(pa)) / 2;
        return entropy <= 0 ? 0 : Math.Clamp(mutual / entropy, 0, 1);
    }

    private static double Entropy(double[] p) => -p.Where(v => v > 0).Sum(v => v * Math.Log(v));

    /// <summary>Hanley and McNeil (1982): the standard error of an AUC from n1 positives and n2 negatives.</summary>
    private static double HanleyMcNeil(double auc, long positives, long negatives)
    {
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((positives - 1) * (q1 - (auc * auc))) + ((negatives - 1) * (q2 - (auc * auc)))) / (positives * (double)negatives);
        return Math.Sqrt(Math.Max(0, variance));
    }

    /// <summary>A numeric feature's values on the rows, missing ones below every value; null for other kinds.</summary>
    private static double[]? Numeric(Column feature, int[] rows)
    {
        double[]? values = feature switch
        {
            Float64Column c => [.. rows.Select(r => c.IsValid(r) && double.IsFinite(c.Values[r]) ? c.Values[r] : double.NaN)],
            Int64Column c => [.. rows.Select(r => c.IsValid(r) ? (double)c.Values[r] : double.NaN)],
            _ => null,
        };
        if (values is null)
        {
            return null;
        }

        var valid = values.Where(v => !double.IsNaN(v)).ToList();
        var floor = valid.Count == 0 ? 0 : valid.Min() - 1;
        return [.. values.Select(v => double.IsNaN(v) ? floor : v)];
    }

    /// <summary>Category codes 0..count-1 per row: string/boolean values (missing last), or numerics in <paramref name="bins"/> quantile bins.</summary>
    private static (int[] Codes, int Count) Categories(Column feature, int[] rows, int bins)
    {
        switch (feature)
        {
            case StringColumn c:
                return ([.. rows.Select(r => c.IsValid(r) ? c.Codes[r] : c.Dictionary.Count)], c.Dictionary.Count + 1);
            case BooleanColumn c:
                return ([.. rows.Select(r => c.IsValid(r) ? (c.Values[r] ? 1 : 0) : 2)], 3);
            default:
                var values = Numeric(feature, rows)!;
                var missing = feature.Validity.AllValid ? null : rows.Select(r => !feature.IsValid(r)).ToArray();
                var sorted = values.Where((_, i) => missing is null || !missing[i]).Order().ToArray();
                var cuts = Enumerable.Range(1, Math.Max(1, bins) - 1)
                    .Select(q => sorted.Length == 0 ? 0 : sorted[(int)((long)q * (sorted.Length - 1) / bins)])
                    .Distinct().ToArray();
                var codes = values.Select((v, i) => missing is not null && missing[i] ? cuts.Length + 1 : UpperBound(cuts, v)).ToArray();
                return (codes, cuts.Length + 2);
        }
    }

    private static int UpperBound(double[] cuts, double value)
    {
        var index = 0;
        while (index < cuts.Length && cuts[index] <= value)
        {
            index++;
        }

        return index;
    }

    /// <summary>Cross-fitted target encoding: each row gets its category's group rate on the other folds.</summary>
    private static double[] Encode((int[] Codes, int Count) categories, bool[] member, ulong seed)
    {
        var (codes, count) = categories;
        var random = SeededRandom.ForStream(seed, AttributeCells.StreamOf("proxy-strength/folds"));
        var fold = codes.Select(_ => random.NextInt(Folds)).ToArray();
        var total = new long[Folds, count];
        var hits = new long[Folds, count];
        var allTotal = new long[count];
        var allHits = new long[count];
        for (var i = 0; i < codes.Length; i++)
        {
            total[fold[i], codes[i]]++;
            allTotal[codes[i]]++;
            if (member[i])
            {
                hits[fold[i], codes[i]]++;
                allHits[codes[i]]++;
            }
        }

        var prior = member.Count(m => m) / (double)member.Length;
        var encoded = new double[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            var f = fold[i];
            encoded[i] = (allHits[c] - hits[f, c] + (Smoothing * prior)) / (allTotal[c] - total[f, c] + Smoothing);
        }

        return encoded;
    }
}
