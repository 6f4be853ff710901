using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The share of test rows that occur exactly in the training data: a model scored on rows it was trained on looks
/// better than it is. Rows are compared by value (<see cref="RowHashMode.ByValue"/>): the two frames' string
/// dictionaries differ, and an Int64 column in one frame equals a Float64 column of the same values in the other.
/// Training rows go into a set of 128-bit row hashes once; each test row is one probe.
/// </summary>
public sealed partial class TrainTestLeakageCheck : ICheck
{
    public string Id => "data-quality.train-test-leakage";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Train is not { } train)
        {
            return [CheckResults.Skipped(requirement, "no training data: the submission names no train dataset")];
        }

        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, Proportion.NoRows(data, "train/test leakage"))];
        }

        var pairing = Pair(data, train, requirement.Parameters.Columns);
        if (pairing.Problem is { } problem)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        var trainHasher = new RowHasher(pairing.Train, RowHashMode.ByValue);
        var testHasher = new RowHasher(pairing.Test, RowHashMode.ByValue);
        var trainRows = new Hash128Set(train.RowCount);
        var hashes = new UInt128[RowHasher.BlockSize];
        for (var start = 0; start < train.RowCount; start += RowHasher.BlockSize)
        {
            var block = hashes.AsSpan(0, Math.Min(RowHasher.BlockSize, train.RowCount - start));
            trainHasher.HashBlock(start, block);
            foreach (var hash in block)
            {
                trainRows.Add(hash);
            }
        }

        var leaked = 0L;
        for (var start = 0; start < rows; start += RowHasher.BlockSize)
        {
            var block = hashes.AsSpan(0, Math.Min(RowHasher.BlockSize, rows - start));
            testHasher.HashBlock(start, block);
            foreach (var hash in block)
            {
                if (trainRows.Contains(hash))
                {
                    leaked++;
                }
            }
        }

        var details = new Dictionary<string, object?>
        {
            ["leaked_rows"] = leaked,
            ["train_rows"] = train.RowCount,
            ["compared_columns"] = pairing.Test.Select(c => c.Name).Take(Proportion.DetailLimit).ToList(),
            ["method"] = "128-bit row hash by value; missing and NaN compare equal",
        };
        AddList(details, "excluded_id_columns", pairing.ExcludedIds);
        AddList(details, "absent_feature_columns", pairing.Absent);
        AddList(details, "kind_differences", pairing.KindDifferences);
        var note = Proportion.Invariant($"{leaked} of {rows} test rows occur in the training data ({train.RowCount} rows), compared on {pairing.Test.Count} columns");
        if (pairing.KindDifferences.Count > 0)
        {
            note += $"; text never equals a number, and these columns are text in one frame only: {ColumnFacts.List(pairing.KindDifferences)}";
        }

        var measurement = Proportion.Measure(leaked, rows, requirement.Confidence);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    private static void AddList(Dictionary<string, object?> details, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            details[key] = values.Take(Proportion.DetailLimit).ToList();
        }
    }
}
