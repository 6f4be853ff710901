using ModelCert.Core.Statistics;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// What perturbations need to know about a feature over the whole test set: the standard deviation and range of a
/// numeric column, and the observed categories (with counts) of a text or boolean one.
/// </summary>
internal sealed class ColumnStats
{
    private ColumnStats(Column column, bool numeric, double deviation, double min, double max, long[] counts)
    {
        Column = column;
        IsNumeric = numeric;
        Deviation = deviation;
        Min = min;
        Max = max;
        Counts = counts;
    }

    public Column Column { get; }

    public string Name => Column.Name;

    /// <summary>Float64 and Int64 columns; text and boolean columns are categorical.</summary>
    public bool IsNumeric { get; }

    public bool IsInteger => Column is Int64Column;

    /// <summary>Population standard deviation of the valid values (0 when fewer than two).</summary>
    public double Deviation { get; }

    public double Min { get; }

    public double Max { get; }

    public double Range => Max > Min ? Max - Min : 0;

    /// <summary>Categorical: rows per code (dictionary code, or 0 = false and 1 = true for booleans).</summary>
    public long[] Counts { get; }

    /// <summary>Categories observed at least once.</summary>
    public int Observed => Counts.Count(c => c > 0);

    public static ColumnStats Of(Column column)
    {
        switch (column)
        {
            case Float64Column c:
                return Numeric(column, c.Values.Length, row => c.Values[row]);
            case Int64Column c:
                return Numeric(column, c.Values.Length, row => c.Values[row]);
            case BooleanColumn c:
                var flags = new long[2];
                for (var row = 0; row < c.Length; row++)
                {
                    if (c.IsValid(row))
                    {
                        flags[c.Values[row] ? 1 : 0]++;
                    }
                }

                return new ColumnStats(column, false, 0, 0, 0, flags);
            case StringColumn c:
                var counts = new long[c.Dictionary.Count];
                for (var row = 0; row < c.Length; row++)
                {
                    if (c.IsValid(row))
                    {
                        counts[c.Codes[row]]++;
                    }
                }

                return new ColumnStats(column, false, 0, 0, 0, counts);
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind");
        }
    }

    /// <summary>The same statistics attached to <paramref name="column"/> (the sampled rows of this column).</summary>
    public ColumnStats ForSample(Column column) => new(column, IsNumeric, Deviation, Min, Max, Counts);

    /// <summary>A category other than <paramref name="code"/>, drawn with the observed frequencies; -1 when there is none.</summary>
    public int OtherCategory(int code, SeededRandom random)
    {
        var own = code >= 0 && code < Counts.Length ? Counts[code] : 0;
        var total = Counts.Sum() - own;
        if (total <= 0)
        {
            return -1;
        }

        var target = (long)(random.NextDouble() * total);
        for (var other = 0; other < Counts.Length; other++)
        {
            if (other == code)
            {
                continue;
            }

            target -= Counts[other];
            if (target < 0)
            {
                return other;
            }
        }

        return Array.FindLastIndex(Counts, c => c > 0);
    }

    private static ColumnStats Numeric(Column column, int length, Func<int, double> value)
    {
        long n = 0;
        double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var row = 0; row < length; row++)
        {
            if (!column.IsValid(row) || !double.IsFinite(value(row)))
            {
                continue;
            }

            var x = value(row);
            n++;
            var delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return n == 0
            ? new ColumnStats(column, true, 0, 0, 0, [])
            : new ColumnStats(column, true, n > 1 ? Math.Sqrt(m2 / n) : 0, min, max, []);
    }
}
