namespace ModelCert.Core.Frames;

/// <summary>
/// Which rows of a column hold a value. Stored as a bitmap (bit <c>i &amp; 63</c> of word <c>i &gt;&gt; 6</c>, as DuckDB does)
/// so that an all-valid column costs nothing: <see cref="Bits"/> is null then.
/// </summary>
public readonly struct Validity
{
    public Validity(ulong[]? bits) => Bits = bits;

    /// <summary>The bitmap, or null when every row is valid.</summary>
    public ulong[]? Bits { get; }

    public bool AllValid => Bits is null;

    public bool IsValid(int row) => Bits is null || (Bits[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>A bitmap with every one of <paramref name="length"/> rows valid, ready for <see cref="SetInvalid"/>.</summary>
    public static ulong[] CreateAllValidBits(int length)
    {
        var bits = new ulong[(length + 63) >> 6];
        Array.Fill(bits, ulong.MaxValue);
        return bits;
    }

    public static void SetInvalid(ulong[] bits, int row) => bits[row >> 6] &= ~(1UL << (row & 63));

    public int CountInvalid(int length)
    {
        if (Bits is null)
        {
            return 0;
        }

        var invalid = 0;
        for (var row = 0; row < length; row++)
        {
            if (!IsValid(row))
            {
                invalid++;
            }
        }

        return invalid;
    }
}
