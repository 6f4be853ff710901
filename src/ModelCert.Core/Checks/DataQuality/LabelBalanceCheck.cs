using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The share of the rarer class among rows with a label. Rows whose label cell is missing in the test data are left
/// out (and counted in the details), since <see cref="EvaluationData.Truth"/> cannot say "unknown".
/// </summary>
public sealed class LabelBalanceCheck : ICheck
{
    public string Id => "data-quality.label-balance";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Task == ModelTask.Regression)
        {
            return [CheckResults.Skipped(requirement, "regression: the label is numeric, so there are no classes to balance")];
        }

        if (data.Truth is not { } truth)
        {
            return [CheckResults.Skipped(requirement, "no labels: the submission names no label column")];
        }

        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, Proportion.NoRows(data, "label balance"))];
        }

        if (truth.Length != rows)
        {
            return [CheckResults.Error(requirement, Proportion.Invariant($"the labels have {truth.Length} rows but {data.TestOrigin} has {rows}"))];
        }

        var label = data.LabelColumn is { } name && data.Test.TryGetColumn(name, out var column) ? column : null;
        long positive = 0, negative = 0, unlabelled = 0;
        for (var row = 0; row < rows; row++)
        {
            if (label is not null && ColumnFacts.IsMissing(label, row))
            {
                unlabelled++;
            }
            else if (truth[row])
            {
                positive++;
            }
            else
            {
                negative++;
            }
        }

        var labelled = positive + negative;
        if (labelled == 0)
        {
            return [CheckResults.Error(requirement, $"every label in column '{data.LabelColumn}' of {data.TestOrigin} is missing")];
        }

        var rarer = positive <= negative ? "positive" : "negative";
        var details = new Dictionary<string, object?>
        {
            ["positive_rows"] = positive,
            ["negative_rows"] = negative,
            ["unlabelled_rows"] = unlabelled,
            ["rarer_class"] = rarer,
        };
        var note = Proportion.Invariant($"the {rarer} class has {Math.Min(positive, negative)} of {labelled} labelled rows");
        if (unlabelled > 0)
        {
            note += $"; left out: {Proportion.Rows(unlabelled)} without a label";
        }

        var measurement = Proportion.Measure(Math.Min(positive, negative), labelled, requirement.Confidence);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }
}
