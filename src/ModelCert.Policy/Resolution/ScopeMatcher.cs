using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Resolution;

/// <summary>
/// Decides whether a scope covers a submission. An empty list covers everything; a submission without a risk tier or
/// jurisdiction is covered by every list. Jurisdictions compare case-insensitively and cover their sub-jurisdictions:
/// <c>US</c> covers <c>US-NY</c>, <c>US-NY</c> does not cover <c>US</c>.
/// </summary>
internal static class ScopeMatcher
{
    /// <summary>Null when <paramref name="scope"/> covers <paramref name="context"/>; otherwise why not.</summary>
    public static string? Mismatch(PolicyScope scope, SubmissionContext context, string subject)
    {
        if (scope.Tasks.Count > 0 && !scope.Tasks.Contains(context.Task, StringComparer.Ordinal))
        {
            return $"{subject} applies to tasks {List(scope.Tasks)}, not '{context.Task}'";
        }

        if (context.RiskTier is { } tier && scope.RiskTiers.Count > 0 && !scope.RiskTiers.Contains(tier, StringComparer.Ordinal))
        {
            return $"{subject} applies to risk tiers {List(scope.RiskTiers)}, not '{tier}'";
        }

        if (context.Jurisdiction is { } place && scope.Jurisdictions.Count > 0 && !scope.Jurisdictions.Any(j => Covers(j, place)))
        {
            return $"{subject} applies to jurisdictions {List(scope.Jurisdictions)}, not '{place}'";
        }

        return null;
    }

    /// <summary>True when <paramref name="scope"/> is <paramref name="jurisdiction"/> or one of its parents (by '-' segments).</summary>
    public static bool Covers(string scope, string jurisdiction) =>
        string.Equals(scope, jurisdiction, StringComparison.OrdinalIgnoreCase)
        || jurisdiction.StartsWith(scope + "-", StringComparison.OrdinalIgnoreCase);

    private static string List(IReadOnlyList<string> items) => "[" + string.Join(", ", items) + "]";
}
