using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>Which columns the leakage check compares, paired by name across the two frames.</summary>
public sealed partial class TrainTestLeakageCheck
{
    /// <summary>
    /// Whether a column name looks like a row identifier (<c>id</c>, <c>row_id</c>, <c>index</c>, or ending in
    /// <c>_id</c>, any case). Identifiers differ between splits by construction, so comparing on them would hide
    /// every leaked row.
    /// </summary>
    public static bool IsIdColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Equals("id", StringComparison.OrdinalIgnoreCase)
            || name.Equals("row_id", StringComparison.OrdinalIgnoreCase)
            || name.Equals("index", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase);
    }

    private static Pairing Pair(EvaluationData data, Frame train, IReadOnlyList<string>? listed)
    {
        var test = data.Test;
        if (listed is not null)
        {
            var inTest = ColumnChoice.Listed(test, listed, data.TestOrigin);
            var inTrain = ColumnChoice.Listed(train, listed, "the training data");
            var problems = new[] { inTest.Problem, inTrain.Problem }.OfType<string>().ToList();
            return problems.Count > 0 ? Pairing.Fail(string.Join("; ", problems)) : Pairing.Of(inTest.Columns, inTrain.Columns, [], []);
        }

        var testColumns = new List<Column>();
        var trainColumns = new List<Column>();
        var absent = new List<string>();
        var excluded = new List<string>();
        var features = data.FeatureColumns.Count > 0;
        IEnumerable<string> candidates = features ? data.FeatureColumns.Distinct(StringComparer.Ordinal) : test.Columns.Select(c => c.Name);
        foreach (var name in candidates)
        {
            if (!features && IsIdColumn(name))
            {
                excluded.Add(name);
            }
            else if (test.TryGetColumn(name, out var testColumn) && train.TryGetColumn(name, out var trainColumn))
            {
                testColumns.Add(testColumn);
                trainColumns.Add(trainColumn);
            }
            else if (features)
            {
                absent.Add(name);
            }
        }

        if (testColumns.Count == 0)
        {
            var why = features
                ? $"none of the model's feature columns is in both {data.TestOrigin} and the training data"
                : $"{data.TestOrigin} and the training data share no column" + (excluded.Count > 0 ? $" besides the id columns {ColumnFacts.List(excluded)}" : string.Empty);
            return Pairing.Fail(why);
        }

        return Pairing.Of(testColumns, trainColumns, absent, excluded);
    }

    private sealed record Pairing(
        IReadOnlyList<Column> Test,
        IReadOnlyList<Column> Train,
        IReadOnlyList<string> Absent,
        IReadOnlyList<string> ExcludedIds,
        IReadOnlyList<string> KindDifferences,
        string? Problem)
    {
        public static Pairing Fail(string problem) => new([], [], [], [], [], problem);

        public static Pairing Of(IReadOnlyList<Column> test, IReadOnlyList<Column> train, IReadOnlyList<string> absent, IReadOnlyList<string> excluded)
        {
            var differences = new List<string>();
            for (var c = 0; c < test.Count; c++)
            {
                if ((test[c].Kind == ColumnKind.String) != (train[c].Kind == ColumnKind.String))
                {
                    differences.Add($"'{test[c].Name}' ({Kind(test[c])} in test, {Kind(train[c])} in train)");
                }
            }

            return new Pairing(test, train, absent, excluded, differences, null);
        }

        private static string Kind(Column column) => column.Kind.ToString().ToLowerInvariant();
    }
}
