using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// The coalitions Kernel SHAP evaluates and their Shapley-kernel weights, shared by every explained row (so two
/// explanations on the same plan differ only through the rows, not through sampling). A coalition of size s out of M
/// features has kernel weight (M-1) / (C(M,s) s (M-s)). Sizes are taken in pairs (s, M-s) from the outside in: while a
/// pair's every subset fits in the budget, it is enumerated with its exact weight; the rest of the budget is sampled,
/// size by kernel mass and subset uniformly, each draw paired with its complement, and shares the remaining mass.
/// When 2^M - 2 coalitions fit in the budget every one is enumerated and the result is exact.
/// </summary>
internal sealed class CoalitionPlan
{
    private CoalitionPlan(int features, List<bool[]> masks, double[] weights, bool exact)
    {
        Features = features;
        Masks = masks;
        Weights = weights;
        Exact = exact;
    }

    public int Features { get; }

    /// <summary>Coalitions: true where the feature takes the explained row's value, false where the background's.</summary>
    public IReadOnlyList<bool[]> Masks { get; }

    /// <summary>Kernel weights, summing to 1.</summary>
    public double[] Weights { get; }

    /// <summary>Whether every coalition was enumerated (no sampling error).</summary>
    public bool Exact { get; }

    public int Count => Masks.Count;

    public static CoalitionPlan Create(int features, int budget, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 2);
        var masks = new List<bool[]>();
        var weights = new List<double>();
        if (features == 1)
        {
            return new CoalitionPlan(1, masks, [], exact: true);
        }

        var mass = SizeMass(features);
        var remainingBudget = budget;
        var remainingMass = 1.0;
        var lowest = 1;
        for (; lowest <= features / 2; lowest++)
        {
            var upper = features - lowest;
            var subsets = Choose(features, lowest);
            var count = lowest == upper ? subsets : 2 * subsets;
            if (count > remainingBudget)
            {
                break;
            }

            foreach (var subset in Subsets(features, lowest))
            {
                masks.Add(subset);
                weights.Add(mass[lowest] / subsets);
                if (lowest != upper)
                {
                    masks.Add(Complement(subset));
                    weights.Add(mass[upper] / subsets);
                }
            }

            remainingBudget -= (int)count;
            remainingMass -= lowest == upper ? mass[lowest] : mass[lowest] + mass[upper];
        }

        var exact = lowest > features / 2;
        if (!exact && remainingBudget >= 2)
        {
            Sample(features, lowest, remainingBudget, remainingMass, mass, random, masks, weights);
        }

        var total = weights.Sum();
        return new CoalitionPlan(features, masks, [.. weights.Select(w => w / total)], exact);
    }

    /// <summary>Draws pairs (subset, complement) over sizes lowest..M-lowest; duplicates add up.</summary>
    private static void Sample(int features, int lowest, int budget, double remainingMass, double[] mass, SeededRandom random, List<bool[]> masks, List<double> weights)
    {
        var sizes = Enumerable.Range(lowest, (features / 2) - lowest + 1).ToArray();
        var sizeMass = sizes.Select(s => s == features - s ? mass[s] : mass[s] + mass[features - s]).ToArray();
        var cumulative = new double[sizes.Length];
        var running = 0.0;
        for (var i = 0; i < sizes.Length; i++)
        {
            running += sizeMass[i];
            cumulative[i] = running;
        }

        var counts = new Dictionary<string, (bool[] Mask, int Count)>(StringComparer.Ordinal);
        var drawn = 0;
        for (var pair = 0; pair < budget / 2; pair++)
        {
            var u = random.NextDouble() * running;
            var index = Array.FindIndex(cumulative, c => u < c);
            var size = sizes[index < 0 ? sizes.Length - 1 : index];
            var subset = RandomSubset(features, size, random);
            Add(counts, subset);
            Add(counts, Complement(subset));
            drawn += 2;
        }

        foreach (var (mask, count) in counts.Values)
        {
            masks.Add(mask);
            weights.Add(remainingMass * count / drawn);
        }
    }

    private static void Add(Dictionary<string, (bool[] Mask, int Count)> counts, bool[] mask)
    {
        var key = new string([.. mask.Select(b => b ? '1' : '0')]);
        counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Mask, seen.Count + 1) : (mask, 1);
    }

    /// <summary>Kernel mass of each coalition size s = 1..M-1 (index s), normalised to sum to 1.</summary>
    private static double[] SizeMass(int features)
    {
        var mass = new double[features];
        for (var s = 1; s < features; s++)
        {
            mass[s] = (features - 1.0) / (s * (double)(features - s));
        }

        var total = mass.Sum();
        return [.. mass.Select(m => m / total)];
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Math.Round(result);
    }

    private static IEnumerable<bool[]> Subsets(int n, int k)
    {
        var chosen = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            var mask = new bool[n];
            foreach (var index in chosen)
            {
                mask[index] = true;
            }

            yield return mask;
            var i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            chosen[i]++;
            for (var j = i + 1; j < k; j++)
            {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    private static bool[] RandomSubset(int n, int k, SeededRandom random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var mask = new bool[n];
        for (var i = 0; i < k; i++)
        {
            var j = i + random.NextInt(n - i);
            (order[i], order[j]) = (order[j], order[i]);
            mask[order[i]] = true;
        }

        return mask;
    }

    private static bool[] Complement(bool[] mask) => [.. mask.Select(b => !b)];
}
