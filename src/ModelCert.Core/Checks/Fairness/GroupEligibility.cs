using System.Globalization;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Fairness;

/// <summary>
/// Which groups of an attribute take part in a decision. Groups under the minimum size are reported and named, but
/// not decided on (a person must judge them); groups under the minimum share are left out of the ratio, as NYC
/// LL144 allows, and named too. Nothing is dropped or pooled silently.
/// </summary>
internal sealed record GroupEligibility(bool[] Include, IReadOnlyList<string> TooSmall, IReadOnlyList<string> BelowShare)
{
    public static GroupEligibility Of(IReadOnlyList<string> groups, Func<int, long> count, Requirement requirement)
    {
        var minSize = requirement.Parameters.MinGroupSize ?? requirement.MinSample;
        var minShare = requirement.Parameters.MinGroupShare ?? 0;
        var total = Enumerable.Range(0, groups.Count).Sum(count);
        var include = new bool[groups.Count];
        var tooSmall = new List<string>();
        var belowShare = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            var n = count(g);
            if (n == 0)
            {
                continue;
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"{groups[g]} ({n})");
            if (total > 0 && (double)n / total < minShare)
            {
                belowShare.Add(label);
            }
            else if (n < minSize)
            {
                tooSmall.Add(label);
            }
            else
            {
                include[g] = true;
            }
        }

        return new GroupEligibility(include, tooSmall, belowShare);
    }

    public string? Note(Requirement requirement)
    {
        var parts = new List<string>();
        if (TooSmall.Count > 0)
        {
            parts.Add($"groups under {requirement.Parameters.MinGroupSize ?? requirement.MinSample} rows are reported but not decided: {string.Join(", ", TooSmall)}");
        }

        if (BelowShare.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"groups under {requirement.Parameters.MinGroupShare:P0} of rows are left out of the ratio but reported: {string.Join(", ", BelowShare)}"));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
