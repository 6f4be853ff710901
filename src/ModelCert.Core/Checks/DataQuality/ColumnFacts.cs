using System.Numerics;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// What the data-quality checks count as missing: a row the column's validity marks invalid, and in a Float64
/// column also NaN (a reader's "NaN" is a value to the engine, but no model-risk reader would call it data).
/// An empty string is a value.
/// </summary>
internal static class ColumnFacts
{
    public static bool IsMissing(Column column, int row) =>
        !column.IsValid(row) || (column is Float64Column numbers && double.IsNaN(numbers.Values[row]));

    /// <summary>Missing rows of a column: invalid bits by popcount, plus NaN among the valid rows of a Float64 column.</summary>
    public static long CountMissing(Column column)
    {
        var invalid = CountInvalid(column.Validity, column.Length);
        if (column is not Float64Column numbers)
        {
            return invalid;
        }

        var values = numbers.Values;
        var validity = numbers.Validity;
        var nan = 0L;
        for (var row = 0; row < values.Length; row++)
        {
            if (double.IsNaN(values[row]) && validity.IsValid(row))
            {
                nan++;
            }
        }

        return invalid + nan;
    }

    private static long CountInvalid(Validity validity, int length)
    {
        if (validity.Bits is not { } bits || length == 0)
        {
            return 0;
        }

        var fullWords = length >> 6;
        var valid = 0L;
        for (var word = 0; word < fullWords; word++)
        {
            valid += BitOperations.PopCount(bits[word]);
        }

        var rest = length & 63;
        if (rest != 0)
        {
            valid += BitOperations.PopCount(bits[fullWords] & ((1UL << rest) - 1));
        }

        return length - valid;
    }

    /// <summary>Names for a message: the first <paramref name="most"/>, then how many more.</summary>
    public static string List(IReadOnlyList<string> names, int most = 10)
    {
        if (names.Count <= most)
        {
            return string.Join(", ", names);
        }

        return $"{string.Join(", ", names.Take(most))} and {names.Count - most} more";
    }
}
