using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>What an explanation re-scores: the model, the features explained, and every column the model reads.</summary>
internal sealed record ExplainInputs(IFrameScorer Model, IReadOnlyList<string> Features, IReadOnlyList<string> ModelColumns);

/// <summary>The preconditions the model-based explainability checks share, and their seeded row samples.</summary>
internal static class ExplainSetup
{
    /// <summary>The inputs, or a result saying why the check cannot run (skipped in predictions mode, error on bad parameters).</summary>
    public static (ExplainInputs? Inputs, CheckResult? Refusal) Resolve(EvaluationData data, Requirement requirement)
    {
        if (data.Model is not { } model || !data.ModelRunnable)
        {
            return (null, CheckResults.Skipped(requirement, "predictions mode: there is no runnable model to re-score, and explanations need one"));
        }

        if (data.Rows == 0)
        {
            return (null, CheckResults.Error(requirement, $"{data.TestOrigin} has no rows to explain"));
        }

        var known = data.FeatureColumns.Count > 0 ? data.FeatureColumns : model.Features;
        var missing = model.Features.Where(c => !data.Test.TryGetColumn(c, out _)).ToList();
        if (missing.Count > 0)
        {
            return (null, CheckResults.Error(requirement, $"{data.TestOrigin} lacks model input column(s) {Quote(missing)}, so the model cannot be re-scored"));
        }

        var features = requirement.Parameters.Names("features") ?? known;
        var unknown = features.Where(f => !known.Contains(f, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return (null, CheckResults.Error(requirement, $"parameter 'features' names {Quote(unknown)}, which the model does not read; it reads {Quote(known)}"));
        }

        if (features.Count == 0)
        {
            return (null, CheckResults.Error(requirement, "the model reads no known feature columns, so there is nothing to explain"));
        }

        return (new ExplainInputs(model, [.. features.Distinct(StringComparer.Ordinal)], model.Features), null);
    }

    /// <summary>
    /// <paramref name="sample"/> distinct rows of <paramref name="candidates"/> drawn with a seeded partial shuffle, in
    /// ascending order (all of them when there are no more than that).
    /// </summary>
    public static int[] Sample(IReadOnlyList<int> candidates, int sample, ulong seed, string purpose)
    {
        var pool = candidates.ToArray();
        if (sample >= pool.Length)
        {
            return pool;
        }

        var random = SeededRandom.ForStream(seed, AttributeCells.StreamOf(purpose));
        for (var i = 0; i < sample; i++)
        {
            var j = i + random.NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var taken = pool[..sample];
        Array.Sort(taken);
        return taken;
    }

    public static int[] AllRows(int rows) => [.. Enumerable.Range(0, rows)];

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>The protected attributes that are model inputs themselves (intersections split into their parts).</summary>
    public static HashSet<string> ProtectedFeatures(EvaluationData data, IReadOnlyList<string> features)
    {
        var names = new HashSet<string>(data.Attributes.SelectMany(a => a.Name.Split('|')), StringComparer.OrdinalIgnoreCase);
        return new HashSet<string>(features.Where(names.Contains), StringComparer.Ordinal);
    }
}
