using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Tests;

/// <summary>Assertions on check results that say what was checked and show the result's message when they fail.</summary>
internal static partial class Expect
{
    public static CheckResult Single(IReadOnlyList<CheckResult> results, string because)
    {
        if (results.Count != 1)
        {
            Assert.Fail($"{because}: expected one result, got {results.Count}: {string.Join(" | ", results.Select(r => r.Message))}");
        }

        return results[0];
    }

    public static void Outcome(Outcome expected, CheckResult result, string because)
    {
        if (result.Outcome != expected)
        {
            Assert.Fail($"{because}: expected outcome {expected}, got {result.Outcome} ({result.Message})");
        }
    }

    public static void Value(double expected, CheckResult result, string because)
    {
        if (result.Value is not { } value || Math.Abs(value - expected) > 1e-12)
        {
            Assert.Fail($"{because}: expected value {expected}, got {result.Value?.ToString() ?? "null"} ({result.Message})");
        }
    }

    /// <summary>The value is <paramref name="successes"/> / <paramref name="trials"/> with the 95% Wilson interval.</summary>
    public static void Proportion(long successes, long trials, CheckResult result, string because)
    {
        Value((double)successes / trials, result, because + " (value)");
        var (low, high) = WilsonInterval.Compute(successes, trials, 0.95)!.Value;
        if (result.Ci is not [var lo, var hi] || Math.Abs(lo - low) > 1e-12 || Math.Abs(hi - high) > 1e-12)
        {
            var got = result.Ci is null ? "null" : $"[{string.Join(", ", result.Ci)}]";
            Assert.Fail($"{because}: expected the Wilson interval [{low}, {high}] of {successes}/{trials}, got {got}");
        }

        Equal(trials, result.SampleSize, because + " (sample size)");
    }

    public static T Detail<T>(CheckResult result, string key, string because)
    {
        if (result.Details is null || !result.Details.TryGetValue(key, out var value))
        {
            Assert.Fail($"{because}: the result has no detail '{key}' ({result.Message})");
            return default!;
        }

        if (value is not T typed)
        {
            Assert.Fail($"{because}: detail '{key}' is {value?.GetType().Name ?? "null"}, expected {typeof(T).Name}");
            return default!;
        }

        return typed;
    }
}
