using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Security;

/// <summary>Copies chosen rows of a frame into a new one (same columns, kinds and string dictionaries).</summary>
internal static class FrameRows
{
    public static Frame Take(Frame frame, IReadOnlyList<int> rows)
    {
        var columns = new List<Column>(frame.Columns.Count);
        foreach (var column in frame.Columns)
        {
            var validity = ValidityOf(column, rows);
            columns.Add(column switch
            {
                Float64Column c => new Float64Column(c.Name, Pick(c.Values, rows), validity),
                Int64Column c => new Int64Column(c.Name, Pick(c.Values, rows), validity),
                BooleanColumn c => new BooleanColumn(c.Name, Pick(c.Values, rows), validity),
                StringColumn c => new StringColumn(c.Name, Pick(c.Codes, rows), c.Dictionary, validity),
                _ => throw new ArgumentException($"column '{column.Name}' has an unknown kind {column.Kind}", nameof(frame)),
            });
        }

        return new Frame(columns, rows.Count);
    }

    /// <summary><paramref name="count"/> distinct row indices of <paramref name="rows"/> drawn without replacement, in ascending order (all when fewer).</summary>
    public static int[] Sample(int rows, int count, Statistics.SeededRandom random)
    {
        var indices = Enumerable.Range(0, rows).ToArray();
        if (count >= rows)
        {
            return indices;
        }

        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(rows - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var chosen = indices[..count];
        Array.Sort(chosen);
        return chosen;
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked;
    }

    private static Validity ValidityOf(Column column, IReadOnlyList<int> rows)
    {
        if (column.Validity.AllValid)
        {
            return default;
        }

        var bits = Validity.CreateAllValidBits(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!column.IsValid(rows[i]))
            {
                Validity.SetInvalid(bits, i);
            }
        }

        return new Validity(bits);
    }
}
