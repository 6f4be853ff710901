using System.Globalization;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// One feature as slice predicates: a code per row and the predicate text of each code. Numbers with more distinct
/// values than bins are cut at their quantiles (<c>age &lt; 28</c>, <c>28 &lt;= age &lt; 37</c>, <c>age &gt;= 52</c>);
/// fewer distinct numbers, booleans and text are taken as they are (<c>sex = Male</c>); a missing value is its
/// own predicate (<c>workclass is missing</c>).
/// </summary>
internal sealed class SliceFeature
{
    private SliceFeature(string name, int[] codes, string[] labels)
    {
        Name = name;
        Codes = codes;
        Labels = labels;
    }

    public string Name { get; }

    public int[] Codes { get; }

    public string[] Labels { get; }

    public static SliceFeature Of(Column column, int bins) => column switch
    {
        Float64Column c => Numeric(column, bins, row => c.Values[row]),
        Int64Column c => Numeric(column, bins, row => c.Values[row]),
        _ => Categorical(column),
    };

    private static SliceFeature Categorical(Column column)
    {
        var codes = new int[column.Length];
        var labels = new List<string>();
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = -1;
        for (var row = 0; row < codes.Length; row++)
        {
            if (column.FormatValue(row) is { } value)
            {
                if (!byValue.TryGetValue(value, out var code))
                {
                    code = labels.Count;
                    byValue.Add(value, code);
                    labels.Add($"{column.Name} = {value}");
                }

                codes[row] = code;
            }
            else
            {
                if (missing < 0)
                {
                    missing = labels.Count;
                    labels.Add($"{column.Name} is missing");
                }

                codes[row] = missing;
            }
        }

        return new SliceFeature(column.Name, codes, [.. labels]);
    }

    private static SliceFeature Numeric(Column column, int bins, Func<int, double> value)
    {
        var valid = Enumerable.Range(0, column.Length).Where(r => column.IsValid(r) && !double.IsNaN(value(r))).Select(value).ToArray();
        Array.Sort(valid);
        var distinct = valid.Distinct().ToArray();
        if (distinct.Length <= bins)
        {
            return Categorical(column);
        }

        // Cut points at the interior quantiles, each a value of the data; a bin is [cut k-1, cut k).
        var cuts = Enumerable.Range(1, bins - 1)
            .Select(k => valid[Math.Min(valid.Length - 1, (int)Math.Floor((double)k * valid.Length / bins))])
            .Where(c => c > valid[0])
            .Distinct()
            .ToArray();
        if (cuts.Length == 0)
        {
            // Most values equal the smallest (say capital-gain 0): split it from the rest.
            cuts = [distinct[1]];
        }

        var labels = new List<string>();
        for (var b = 0; b <= cuts.Length; b++)
        {
            labels.Add(b == 0 ? $"{column.Name} < {Text(cuts[0])}"
                : b == cuts.Length ? $"{column.Name} >= {Text(cuts[^1])}"
                : $"{Text(cuts[b - 1])} <= {column.Name} < {Text(cuts[b])}");
        }

        var codes = new int[column.Length];
        var hasMissing = false;
        for (var row = 0; row < codes.Length; row++)
        {
            if (!column.IsValid(row) || double.IsNaN(value(row)))
            {
                codes[row] = cuts.Length + 1;
                hasMissing = true;
                continue;
            }

            var position = Array.BinarySearch(cuts, value(row));
            codes[row] = position >= 0 ? position + 1 : ~position;
        }

        if (hasMissing)
        {
            labels.Add($"{column.Name} is missing");
        }

        return new SliceFeature(column.Name, codes, [.. labels]);
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
