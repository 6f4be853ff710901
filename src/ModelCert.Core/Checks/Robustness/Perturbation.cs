using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Changed copies of one column: Gaussian noise on numbers, category swaps, missing values, or one value
/// everywhere. Missing values stay missing (except where values are set missing on purpose). Integer columns stay
/// integer: noise is added and then rounded stochastically (up with probability equal to the fraction), so the
/// change is unbiased and a small scale still moves some values by one, as an integer input can only move.
/// </summary>
internal static class Perturbation
{
    /// <summary>
    /// Numbers get N(0, (scale x the column's standard deviation)²) noise; categories (text, booleans) are swapped,
    /// with probability <paramref name="swapRate"/>, to another observed category drawn with the observed frequencies.
    /// </summary>
    public static Column Noise(Column column, ColumnStats stats, double scale, double swapRate, SeededRandom random)
    {
        var sigma = scale * stats.Deviation;
        switch (column)
        {
            case Float64Column c:
            {
                var values = (double[])c.Values.Clone();
                for (var row = 0; row < values.Length; row++)
                {
                    if (c.IsValid(row) && sigma > 0)
                    {
                        values[row] += sigma * Gaussian(random);
                    }
                }

                return new Float64Column(c.Name, values, c.Validity);
            }

            case Int64Column c:
            {
                var values = (long[])c.Values.Clone();
                for (var row = 0; row < values.Length; row++)
                {
                    if (c.IsValid(row) && sigma > 0)
                    {
                        values[row] = StochasticRound(values[row] + (sigma * Gaussian(random)), random);
                    }
                }

                return new Int64Column(c.Name, values, c.Validity);
            }

            case BooleanColumn c:
            {
                var values = (bool[])c.Values.Clone();
                for (var row = 0; row < values.Length; row++)
                {
                    if (c.IsValid(row) && random.NextDouble() < swapRate && stats.OtherCategory(values[row] ? 1 : 0, random) is var other and >= 0)
                    {
                        values[row] = other == 1;
                    }
                }

                return new BooleanColumn(c.Name, values, c.Validity);
            }

            case StringColumn c:
            {
                var codes = (int[])c.Codes.Clone();
                for (var row = 0; row < codes.Length; row++)
                {
                    if (c.IsValid(row) && random.NextDouble() < swapRate && stats.OtherCategory(codes[row], random) is var other and >= 0)
                    {
                        codes[row] = other;
                    }
                }

                return new StringColumn(c.Name, codes, c.Dictionary, c.Validity);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind");
        }
    }

    /// <summary>The column with round(rate x rows) rows, drawn without replacement, set missing.</summary>
    public static Column Missing(Column column, double rate, SeededRandom random, out int changed)
    {
        var rows = column.Length;
        var count = (int)Math.Round(rate * rows, MidpointRounding.AwayFromZero);
        var valid = new bool[rows];
        for (var row = 0; row < rows; row++)
        {
            valid[row] = column.IsValid(row);
        }

        changed = 0;
        foreach (var row in RowSample.Choose(rows, count, random))
        {
            changed += valid[row] ? 1 : 0;
            valid[row] = false;
        }

        return WithValidity(column, FrameEdit.ValidityOf(valid));
    }

    /// <summary>A column of <paramref name="length"/> rows all holding the value of <paramref name="source"/>'s row <paramref name="row"/>.</summary>
    public static Column Fill(Column source, int row, string name, int length) => source switch
    {
        Float64Column c => new Float64Column(name, Enumerable.Repeat(c.Values[row], length).ToArray()),
        Int64Column c => new Int64Column(name, Enumerable.Repeat(c.Values[row], length).ToArray()),
        BooleanColumn c => new BooleanColumn(name, Enumerable.Repeat(c.Values[row], length).ToArray()),
        StringColumn c => new StringColumn(name, Enumerable.Repeat(c.Codes[row], length).ToArray(), c.Dictionary),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "unknown column kind"),
    };

    /// <summary>A standard normal draw (Box-Muller on two uniforms; the first uniform is kept away from 0).</summary>
    public static double Gaussian(SeededRandom random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    public static long StochasticRound(double value, SeededRandom random)
    {
        var floor = Math.Floor(value);
        return (long)(random.NextDouble() < value - floor ? floor + 1 : floor);
    }

    private static Column WithValidity(Column column, Validity validity) => column switch
    {
        Float64Column c => new Float64Column(c.Name, c.Values, validity),
        Int64Column c => new Int64Column(c.Name, c.Values, validity),
        BooleanColumn c => new BooleanColumn(c.Name, c.Values, validity),
        StringColumn c => new StringColumn(c.Name, c.Codes, c.Dictionary, validity),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
    };
}
