using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The columns the worst-slice search cuts on: the requirement's <c>features</c>, else the model's inputs together
/// with the protected attributes (a slice such as <c>sex = Female and age &lt; 25</c> is worth finding whether or not
/// the model reads sex), else, without a feature list (predictions mode), every column but the label.
/// </summary>
internal static class SliceColumns
{
    public static List<Column> Choose(EvaluationData data, IReadOnlyList<string>? listed, out string? problem)
    {
        problem = null;
        IEnumerable<string> names;
        if (listed is not null)
        {
            var unknown = listed.Where(n => !data.Test.TryGetColumn(n, out _)).ToList();
            if (unknown.Count > 0)
            {
                problem = $"the requirement's features name {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which {data.TestOrigin} does not have; columns: {string.Join(", ", data.Test.Columns.Select(c => c.Name).Take(30))}";
                return [];
            }

            names = listed;
        }
        else
        {
            var attributes = data.Attributes.Select(a => a.Name).Where(n => !n.Contains('|', StringComparison.Ordinal));
            names = data.FeatureColumns.Count > 0
                ? data.FeatureColumns.Concat(attributes)
                : data.Test.Columns.Select(c => c.Name).Where(n => n != data.LabelColumn);
        }

        var columns = names.Distinct(StringComparer.Ordinal)
            .Select(n => data.Test.TryGetColumn(n, out var c) ? c : null)
            .OfType<Column>()
            .ToList();
        if (columns.Count == 0)
        {
            problem = "there are no columns to slice on; name them with the requirement's features";
        }

        return columns;
    }
}
