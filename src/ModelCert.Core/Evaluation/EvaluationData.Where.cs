using ModelCert.Core.Frames;

namespace ModelCert.Core.Evaluation;

/// <summary>Rows left out of an evaluation before any check ran, and why (for example rows without consent).</summary>
public sealed record ExcludedRows(long Count, long Of, string Reason);

public sealed partial class EvaluationData
{
    /// <summary>Rows a filter left out of this evaluation (null when none was applied).</summary>
    public ExcludedRows? Excluded { get; init; }

    /// <summary>
    /// The same evaluation restricted to the rows where <paramref name="keep"/> is true: the test frame, labels,
    /// targets, scores, decisions and every attribute's codes are subset alike, so they stay row-aligned. Training,
    /// shifted data and everything declared is carried over unchanged. The rows left out are recorded in
    /// <see cref="Excluded"/> with <paramref name="reason"/>, added to any earlier exclusion.
    /// </summary>
    public EvaluationData Where(bool[] keep, string reason)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (keep.Length != Rows)
        {
            throw new ArgumentException($"The row filter has {keep.Length} entries but the evaluation has {Rows} rows.", nameof(keep));
        }

        var rows = Enumerable.Range(0, keep.Length).Where(r => keep[r]).ToArray();
        var excluded = keep.Length - rows.Length;
        return new EvaluationData
        {
            Task = Task,
            Test = Subset(Test, rows),
            TestOrigin = TestOrigin,
            Train = Train,
            LabelColumn = LabelColumn,
            Truth = Subset(Truth, rows),
            Target = Subset(Target, rows),
            Scores = Subset(Scores, rows),
            Predicted = Subset(Predicted, rows),
            Threshold = Threshold,
            Favourable = Favourable,
            Attributes = [.. Attributes.Select(a => a with { Codes = Subset(a.Codes, rows)! })],
            FeatureColumns = FeatureColumns,
            ModelRunnable = ModelRunnable,
            SchemaProblems = SchemaProblems,
            Profile = Profile,
            Privileged = Privileged,
            Bootstrap = Bootstrap,
            Model = Model,
            ModelOrigin = ModelOrigin,
            Shifted = Shifted,
            ShiftedOrigin = ShiftedOrigin,
            ShiftedTruth = ShiftedTruth,
            ShiftedTarget = ShiftedTarget,
            Proxies = Proxies,
            Provenance = Provenance,
            Card = Card,
            Time = Time,
            RiskTier = RiskTier,
            Excluded = Excluded is { } earlier
                ? new ExcludedRows(earlier.Count + excluded, earlier.Of, $"{earlier.Reason}; {reason}")
                : new ExcludedRows(excluded, keep.Length, reason),
        };
    }

    private static T[]? Subset<T>(T[]? values, int[] rows) => values is null ? null : [.. rows.Select(r => values[r])];

    /// <summary>The rows of <paramref name="frame"/> listed in <paramref name="rows"/>, in that order, with their validity.</summary>
    public static Frame Subset(Frame frame, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = frame.Columns.Select(column => Subset(column, rows)).ToList();
        return new Frame(columns, rows.Count);
    }

    private static Column Subset(Column column, IReadOnlyList<int> rows)
    {
        var validity = default(Validity);
        if (!column.Validity.AllValid)
        {
            var bits = Validity.CreateAllValidBits(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if (!column.IsValid(rows[i]))
                {
                    Validity.SetInvalid(bits, i);
                }
            }

            validity = new Validity(bits);
        }

        return column switch
        {
            Float64Column c => new Float64Column(c.Name, [.. rows.Select(r => c.Values[r])], validity),
            Int64Column c => new Int64Column(c.Name, [.. rows.Select(r => c.Values[r])], validity),
            BooleanColumn c => new BooleanColumn(c.Name, [.. rows.Select(r => c.Values[r])], validity),
            StringColumn c => new StringColumn(c.Name, [.. rows.Select(r => c.Codes[r])], c.Dictionary, validity),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }
}
