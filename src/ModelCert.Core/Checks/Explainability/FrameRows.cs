using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Builds the frames explanations score: rows taken from the test data, and rows mixed value by value from an
/// explained row and a background row. Values are copied as they are (string codes included, with their validity),
/// so the model sees exactly the kinds of the test data.
/// </summary>
internal static class FrameRows
{
    /// <summary>The rows <paramref name="rows"/> of <paramref name="frame"/>'s <paramref name="columns"/>.</summary>
    public static Frame Take(Frame frame, IReadOnlyList<string> columns, int[] rows) =>
        new([.. columns.Select(name => Gather(frame[name], frame[name], rows))], rows.Length);

    /// <summary>
    /// A column of <c>index.Length</c> rows: <c>index[i] &gt;= 0</c> takes row <c>index[i]</c> of <paramref name="primary"/>,
    /// a negative one takes row <c>~index[i]</c> of <paramref name="secondary"/>. Both must be of one kind, and string
    /// columns must share a dictionary (they come from the same data).
    /// </summary>
    public static Column Gather(Column primary, Column secondary, int[] index)
    {
        var validity = GatherValidity(primary, secondary, index);
        return (primary, secondary) switch
        {
            (Float64Column p, Float64Column s) => new Float64Column(p.Name, GatherValues(p.Values, s.Values, index), validity),
            (Int64Column p, Int64Column s) => new Int64Column(p.Name, GatherValues(p.Values, s.Values, index), validity),
            (BooleanColumn p, BooleanColumn s) => new BooleanColumn(p.Name, GatherValues(p.Values, s.Values, index), validity),
            (StringColumn p, StringColumn s) when ReferenceEquals(p.Dictionary, s.Dictionary) =>
                new StringColumn(p.Name, GatherValues(p.Codes, s.Codes, index), p.Dictionary, validity),
            _ => throw new ArgumentException($"Column '{primary.Name}' cannot be mixed: {primary.Kind} and {secondary.Kind} from different sources.", nameof(secondary)),
        };
    }

    /// <summary><paramref name="frame"/> with <paramref name="replacement"/> in place of the column of the same name.</summary>
    public static Frame Replace(Frame frame, Column replacement) =>
        new([.. frame.Columns.Select(c => string.Equals(c.Name, replacement.Name, StringComparison.Ordinal) ? replacement : c)], frame.RowCount);

    private static T[] GatherValues<T>(T[] primary, T[] secondary, int[] index)
    {
        var values = new T[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            var source = index[i];
            values[i] = source >= 0 ? primary[source] : secondary[~source];
        }

        return values;
    }

    private static Validity GatherValidity(Column primary, Column secondary, int[] index)
    {
        if (primary.Validity.AllValid && secondary.Validity.AllValid)
        {
            return default;
        }

        var bits = Validity.CreateAllValidBits(index.Length);
        var any = false;
        for (var i = 0; i < index.Length; i++)
        {
            var source = index[i];
            var valid = source >= 0 ? primary.IsValid(source) : secondary.IsValid(~source);
            if (!valid)
            {
                Validity.SetInvalid(bits, i);
                any = true;
            }
        }

        return any ? new Validity(bits) : default;
    }
}
