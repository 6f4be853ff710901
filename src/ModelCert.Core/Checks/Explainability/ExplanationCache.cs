using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Explanations computed once per evaluation and parameter set: kernel-shap and protected-top-drivers (or two
/// requirements with the same parameters) share one Kernel SHAP run instead of re-scoring the model twice. Entries
/// live as long as the <see cref="EvaluationData"/> they were computed for, and no longer.
/// </summary>
internal static class ExplanationCache
{
    private static readonly ConditionalWeakTable<EvaluationData, ConcurrentDictionary<string, object>> Entries = [];

    public static T GetOrAdd<T>(EvaluationData data, string key, Func<T> compute)
        where T : class
    {
        var entries = Entries.GetValue(data, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
        return (T)entries.GetOrAdd(key, _ => compute());
    }
}
