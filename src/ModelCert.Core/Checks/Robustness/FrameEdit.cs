using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Builds the changed frames robustness checks score: a subset of rows (a sample, or rows repeated), and a frame
/// with some columns replaced. Columns that are not replaced are shared or gathered, never modified in place.
/// </summary>
internal static class FrameEdit
{
    /// <summary>The rows <paramref name="rows"/> of <paramref name="frame"/>, in that order (a row may repeat).</summary>
    public static Frame Take(Frame frame, IReadOnlyList<int> rows)
    {
        var columns = new Column[frame.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Take(frame.Columns[c], rows);
        }

        return new Frame(columns, rows.Count);
    }

    public static Column Take(Column column, IReadOnlyList<int> rows)
    {
        var validity = TakeValidity(column.Validity, rows);
        return column switch
        {
            Float64Column c => new Float64Column(c.Name, Gather(c.Values, rows), validity),
            Int64Column c => new Int64Column(c.Name, Gather(c.Values, rows), validity),
            BooleanColumn c => new BooleanColumn(c.Name, Gather(c.Values, rows), validity),
            StringColumn c => new StringColumn(c.Name, Gather(c.Codes, rows), c.Dictionary, validity),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }

    /// <summary><paramref name="frame"/> with each column of <paramref name="replacements"/> in place of the one of the same name.</summary>
    public static Frame Replace(Frame frame, params IReadOnlyList<Column> replacements)
    {
        var byName = replacements.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = frame.Columns.Select(c => byName.TryGetValue(c.Name, out var replaced) ? replaced : c).ToList();
        return new Frame(columns, frame.RowCount);
    }

    /// <summary>A validity bitmap from per-row flags (null bitmap when every row is valid).</summary>
    public static Validity ValidityOf(ReadOnlySpan<bool> valid)
    {
        ulong[]? bits = null;
        for (var row = 0; row < valid.Length; row++)
        {
            if (!valid[row])
            {
                bits ??= Validity.CreateAllValidBits(valid.Length);
                Validity.SetInvalid(bits, row);
            }
        }

        return new Validity(bits);
    }

    private static T[] Gather<T>(T[] values, IReadOnlyList<int> rows)
    {
        var result = new T[rows.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }

    private static Validity TakeValidity(Validity validity, IReadOnlyList<int> rows)
    {
        if (validity.AllValid)
        {
            return validity;
        }

        var flags = new bool[rows.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = validity.IsValid(rows[i]);
        }

        return ValidityOf(flags);
    }
}
