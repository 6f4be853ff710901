using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The number of columns with at most one distinct non-missing value: a constant feature carries no information
/// and often means a broken join or an export default. A column that is entirely missing counts too. Each column
/// stops being scanned at its second distinct value. The count has no interval; the point value decides.
/// </summary>
public sealed class ConstantColumnsCheck : ICheck
{
    public string Id => "data-quality.constant-columns";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, Proportion.NoRows(data, "constant columns"))];
        }

        var choice = ColumnChoice.For(data, requirement.Parameters.Columns, withLabelAndAttributes: false);
        if (choice.Problem is { } problem)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        if (choice.Columns.Count == 0)
        {
            return [CheckResults.Error(requirement, $"none of the model's feature columns is in {data.TestOrigin}: {ColumnFacts.List(choice.Absent)}")];
        }

        var constant = new List<ConstantColumn>();
        foreach (var column in choice.Columns)
        {
            var first = FirstPresent(column);
            if (first < 0)
            {
                constant.Add(new ConstantColumn(column.Name, null));
            }
            else if (!HasSecondValue(column, first))
            {
                constant.Add(new ConstantColumn(column.Name, column.FormatValue(first)));
            }
        }

        var details = new Dictionary<string, object?>
        {
            ["columns_checked"] = choice.Columns.Count,
            ["constant_columns"] = constant.Take(Proportion.DetailLimit).ToList(),
        };
        if (choice.Absent.Count > 0)
        {
            details["absent_feature_columns"] = choice.Absent.Take(Proportion.DetailLimit).ToList();
        }

        var note = constant.Count == 0 ? null : $"constant: {ColumnFacts.List([.. constant.Select(Describe)])}";
        var measurement = new Measurement(constant.Count, null, rows);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    private static string Describe(ConstantColumn column) =>
        column.Value is null ? $"'{column.Column}' (all missing)" : $"'{column.Column}'";

    private static int FirstPresent(Column column)
    {
        for (var row = 0; row < column.Length; row++)
        {
            if (!ColumnFacts.IsMissing(column, row))
            {
                return row;
            }
        }

        return -1;
    }

    /// <summary>Whether any present row after <paramref name="first"/> differs from it (-0 equals +0, codes are one per value).</summary>
    private static bool HasSecondValue(Column column, int first)
    {
        var validity = column.Validity;
        switch (column)
        {
            case Float64Column numbers:
                var value = numbers.Values[first];
                for (var row = first + 1; row < numbers.Length; row++)
                {
                    var other = numbers.Values[row];
                    if (other != value && !double.IsNaN(other) && validity.IsValid(row))
                    {
                        return true;
                    }
                }

                return false;
            case Int64Column integers:
                return Differs(integers.Values, first, validity);
            case BooleanColumn flags:
                return Differs(flags.Values, first, validity);
            case StringColumn text:
                return Differs(text.Codes, first, validity);
            default:
                throw new InvalidOperationException($"Column '{column.Name}' has kind {column.Kind}, which this check does not know.");
        }
    }

    private static bool Differs<T>(T[] values, int first, Validity validity)
        where T : IEquatable<T>
    {
        var value = values[first];
        for (var row = first + 1; row < values.Length; row++)
        {
            if (!values[row].Equals(value) && validity.IsValid(row))
            {
                return true;
            }
        }

        return false;
    }
}
