using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// Per protected attribute, the smallest group's share of the rows whose group is known: a group this small makes
/// every per-group rate noisy. Rows with a missing value (code -1) are left out of the denominator and counted in
/// the details. Groups with no rows at all (possible for intersections) are listed, not measured, since a share of
/// zero would only restate that the combination does not occur. One result per attribute.
/// </summary>
public sealed class MinGroupShareCheck : ICheck
{
    public string Id => "data-quality.min-group-share";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Attributes.Count == 0)
        {
            return [CheckResults.Skipped(requirement, "no protected attributes: the submission names none")];
        }

        var results = new List<CheckResult>();
        foreach (var (name, attribute, reason) in AttributeChoice.Select(data.Attributes, requirement.Parameters))
        {
            results.Add(attribute is null
                ? CheckResults.Skipped(requirement, reason!, name)
                : Measure(data, requirement, attribute));
        }

        return results;
    }

    private static CheckResult Measure(EvaluationData data, Requirement requirement, ProtectedAttribute attribute)
    {
        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return CheckResults.Error(requirement, Proportion.NoRows(data, "group shares"), attribute.Name);
        }

        if (attribute.Codes.Length != rows)
        {
            var mismatch = Proportion.Invariant($"attribute '{attribute.Name}' has {attribute.Codes.Length} rows but {data.TestOrigin} has {rows}");
            return CheckResults.Error(requirement, mismatch, attribute.Name);
        }

        var counts = new long[attribute.Groups.Count];
        var missing = 0L;
        for (var row = 0; row < rows; row++)
        {
            var code = attribute.Codes[row];
            if (code < 0)
            {
                missing++;
            }
            else if (code < counts.Length)
            {
                counts[code]++;
            }
            else
            {
                return CheckResults.Error(
                    requirement,
                    Proportion.Invariant($"attribute '{attribute.Name}' has group code {code} at row {row}, but only {counts.Length} groups"),
                    attribute.Name);
            }
        }

        var known = rows - missing;
        if (known == 0)
        {
            return CheckResults.Error(requirement, $"every row's '{attribute.Name}' is missing, so no group has a share", attribute.Name);
        }

        var groups = new List<GroupShare>();
        var empty = new List<string>();
        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] == 0)
            {
                empty.Add(attribute.Groups[g]);
            }
            else
            {
                groups.Add(new GroupShare(attribute.Groups[g], counts[g], (double)counts[g] / known));
            }
        }

        // Smallest first; OrderBy is stable, so ties keep the group order and the named group is stable.
        var ranked = groups.OrderBy(g => g.Count).ToList();
        var smallest = ranked[0];
        var details = new Dictionary<string, object?>
        {
            ["smallest_group"] = smallest.Group,
            ["missing_rows"] = missing,
            ["groups"] = ranked.Take(Proportion.DetailLimit).ToList(),
        };
        var note = Proportion.Invariant($"smallest group '{smallest.Group}' has {smallest.Count} of {known} rows with a known value");
        if (missing > 0)
        {
            note += $"; left out: {Proportion.Rows(missing)} with a missing value";
        }

        if (empty.Count > 0)
        {
            details["empty_groups"] = empty.Take(Proportion.DetailLimit).ToList();
            note += $"; groups with no rows: {ColumnFacts.List(empty)}";
        }

        var measurement = Proportion.Measure(smallest.Count, known, requirement.Confidence);
        return CheckResults.Decide(requirement, measurement, attribute.Name, details, note);
    }
}
