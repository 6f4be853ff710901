using ModelCert.Core.Frames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

/// <summary>Builds small frames from arrays; null is a missing value (its slot holds the type's default).</summary>
internal static class TestFrames
{
    public static Frame Of(params Column[] columns) => new(columns, columns.Length == 0 ? 0 : columns[0].Length);

    public static Float64Column Numbers(string name, params double?[] values) =>
        new(name, [.. values.Select(v => v ?? 0)], ValidityOf(values.Select(v => v.HasValue)));

    public static Int64Column Integers(string name, params long?[] values) =>
        new(name, [.. values.Select(v => v ?? 0)], ValidityOf(values.Select(v => v.HasValue)));

    public static BooleanColumn Flags(string name, params bool?[] values) =>
        new(name, [.. values.Select(v => v ?? false)], ValidityOf(values.Select(v => v.HasValue)));

    public static StringColumn Texts(string name, params string?[] values) => TextsCoded(name, [], values);

    /// <summary>A string column whose dictionary starts with <paramref name="dictionaryFirst"/>, to give two frames different codes.</summary>
    public static StringColumn TextsCoded(string name, IReadOnlyList<string> dictionaryFirst, params string?[] values)
    {
        var dictionary = new StringDictionary();
        foreach (var value in dictionaryFirst)
        {
            dictionary.GetOrAdd(value);
        }

        // A missing row keeps code 0, like a reader that leaves the slot untouched.
        var codes = values.Select(v => v is null ? 0 : dictionary.GetOrAdd(v)).ToArray();
        return new StringColumn(name, codes, dictionary, ValidityOf(values.Select(v => v is not null)));
    }

    /// <summary>The rows of <paramref name="frame"/> in the order <paramref name="order"/> gives (row indices).</summary>
    public static Frame Reorder(Frame frame, IReadOnlyList<int> order)
    {
        var columns = frame.Columns.Select(column => Reorder(column, order)).ToList();
        return new Frame(columns, order.Count);
    }

    private static Column Reorder(Column column, IReadOnlyList<int> order)
    {
        var validity = ValidityOf(order.Select(column.IsValid));
        return column switch
        {
            Float64Column c => new Float64Column(c.Name, [.. order.Select(r => c.Values[r])], validity),
            Int64Column c => new Int64Column(c.Name, [.. order.Select(r => c.Values[r])], validity),
            BooleanColumn c => new BooleanColumn(c.Name, [.. order.Select(r => c.Values[r])], validity),
            StringColumn c => new StringColumn(c.Name, [.. order.Select(r => c.Codes[r])], c.Dictionary, validity),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }

    private static Validity ValidityOf(IEnumerable<bool> valid)
    {
        var flags = valid.ToList();
        if (flags.All(v => v))
        {
            return default;
        }

        var bits = Validity.CreateAllValidBits(flags.Count);
        for (var row = 0; row < flags.Count; row++)
        {
            if (!flags[row])
            {
                Validity.SetInvalid(bits, row);
            }
        }

        return new Validity(bits);
    }
}
