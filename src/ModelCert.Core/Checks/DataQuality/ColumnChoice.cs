using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The columns a data-quality check looks at. <see cref="Problem"/> is set (and the check reports an error) when a
/// requirement names columns the data does not have. <see cref="Absent"/> lists default columns (model features)
/// missing from the data: the schema check decides on those, the others report them.
/// </summary>
internal sealed record ColumnChoice(IReadOnlyList<Column> Columns, IReadOnlyList<string> Absent, string? Problem)
{
    public IReadOnlyList<string> Names => [.. Columns.Select(c => c.Name)];

    /// <summary>The requirement's <c>columns</c> when given, every one of which must exist in <paramref name="frame"/>.</summary>
    public static ColumnChoice Listed(Frame frame, IReadOnlyList<string> names, string origin)
    {
        if (names.Count == 0)
        {
            return Fail("the requirement's columns list is empty; list at least one column or leave it out for the defaults");
        }

        var columns = new List<Column>();
        var unknown = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                continue;
            }

            if (frame.TryGetColumn(name, out var column))
            {
                columns.Add(column);
            }
            else
            {
                unknown.Add(Describe(frame, name));
            }
        }

        if (unknown.Count > 0)
        {
            var available = ColumnFacts.List([.. frame.Columns.Select(c => c.Name)], 20);
            return Fail($"{origin} has no column {string.Join(", ", unknown)} named by the requirement; columns: {available}");
        }

        return new ColumnChoice(columns, [], null);
    }

    /// <summary>
    /// The defaults: the model's feature columns (those present), and when <paramref name="withLabelAndAttributes"/>
    /// the label and protected-attribute columns too; every column when there is no feature list.
    /// </summary>
    public static ColumnChoice Defaults(EvaluationData data, bool withLabelAndAttributes)
    {
        var frame = data.Test;
        if (data.FeatureColumns.Count == 0)
        {
            return new ColumnChoice(frame.Columns, [], null);
        }

        var columns = new List<Column>();
        var absent = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in data.FeatureColumns)
        {
            if (!seen.Add(name))
            {
                continue;
            }

            if (frame.TryGetColumn(name, out var column))
            {
                columns.Add(column);
            }
            else
            {
                absent.Add(name);
            }
        }

        if (withLabelAndAttributes)
        {
            IEnumerable<string?> extra = [data.LabelColumn, .. data.Attributes.Select(a => a.Name)];
            foreach (var name in extra)
            {
                if (name is not null && seen.Add(name) && frame.TryGetColumn(name, out var column))
                {
                    columns.Add(column);
                }
            }
        }

        return new ColumnChoice(columns, absent, null);
    }

    /// <summary>The requirement's columns when listed, else the defaults.</summary>
    public static ColumnChoice For(EvaluationData data, IReadOnlyList<string>? listed, bool withLabelAndAttributes) =>
        listed is null ? Defaults(data, withLabelAndAttributes) : Listed(data.Test, listed, data.TestOrigin);

    private static ColumnChoice Fail(string problem) => new([], [], problem);

    private static string Describe(Frame frame, string name)
    {
        var folded = frame.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return folded is null ? $"'{name}'" : $"'{name}' (did you mean '{folded.Name}'? names are case-sensitive)";
    }
}
