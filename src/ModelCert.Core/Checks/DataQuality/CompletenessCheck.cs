using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The share of non-missing values of the least complete column. Defaults to the model's features plus the label
/// and protected-attribute columns, because a gap in any of them biases what the other checks measure; without a
/// feature list, every column. NaN counts as missing (see <see cref="ColumnFacts"/>).
/// </summary>
public sealed class CompletenessCheck : ICheck
{
    public string Id => "data-quality.completeness";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, Proportion.NoRows(data, "completeness"))];
        }

        var choice = ColumnChoice.For(data, requirement.Parameters.Columns, withLabelAndAttributes: true);
        if (choice.Problem is { } problem)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        if (choice.Columns.Count == 0)
        {
            return [CheckResults.Error(requirement, $"none of the model's feature columns is in {data.TestOrigin}: {ColumnFacts.List(choice.Absent)}")];
        }

        var columns = new List<ColumnCompleteness>(choice.Columns.Count);
        foreach (var column in choice.Columns)
        {
            var present = rows - ColumnFacts.CountMissing(column);
            columns.Add(new ColumnCompleteness(column.Name, present, rows, (double)present / rows));
        }

        // Worst first; OrderBy is stable, so equal shares keep the column order and the named worst column is stable.
        var ranked = columns.OrderBy(c => c.Share).ToList();
        var worst = ranked[0];
        var details = new Dictionary<string, object?>
        {
            ["worst_column"] = worst.Column,
            ["columns_checked"] = columns.Count,
            ["columns"] = ranked.Take(Proportion.DetailLimit).ToList(),
        };
        if (choice.Absent.Count > 0)
        {
            details["absent_feature_columns"] = choice.Absent.Take(Proportion.DetailLimit).ToList();
        }

        var note = Proportion.Invariant($"worst column '{worst.Column}' has {worst.Present} of {rows} values present");
        var measurement = Proportion.Measure(worst.Present, rows, requirement.Confidence);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }
}
