using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>How a <see cref="RowHasher"/> encodes values.</summary>
internal enum RowHashMode
{
    /// <summary>Within one frame: string columns by dictionary code (one code per value), integers by their bits.</summary>
    WithinFrame,

    /// <summary>
    /// Across frames: string columns by a hash of their text (two frames have different dictionaries), numbers by
    /// their value so Int64 5 and Float64 5.0 agree, booleans as 0 and 1.
    /// </summary>
    ByValue,
}

/// <summary>
/// A deterministic 128-bit hash of the values of chosen columns per row, computed a block of rows at a time and a
/// column at a time, so the inner loops are typed and allocation-free. Two chained 64-bit lanes with different
/// mixers and per-column seeds make up the hash. Missing values (and NaN, which the data-quality checks treat as
/// missing) hash alike, and never like a present value at the same position: the two lanes' missing markers are
/// chosen so that no single value can match both. Distinct rows can still share a hash by chance; with 128 bits the
/// odds for a billion rows are about 10^-21, far below any effect on a reported share.
/// </summary>
internal sealed partial class RowHasher
{
    public const int BlockSize = 1024;

    private const ulong InitialA = 0x243F6A8885A308D3UL;
    private const ulong InitialB = 0x13198A2E03707344UL;

    private readonly Column[] _columns;
    private readonly ColumnSeed[] _seeds;
    private readonly RowHashMode _mode;
    private readonly ulong[] _laneA = new ulong[BlockSize];
    private readonly ulong[] _laneB = new ulong[BlockSize];
    private readonly (ulong[] A, ulong[] B)?[] _stringLanes;

    public RowHasher(IReadOnlyList<Column> columns, RowHashMode mode)
    {
        _columns = [.. columns];
        _mode = mode;
        _seeds = new ColumnSeed[_columns.Length];
        _stringLanes = new (ulong[] A, ulong[] B)?[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            _seeds[c] = ColumnSeed.ForPosition(c);
            if (mode == RowHashMode.ByValue && _columns[c] is StringColumn text)
            {
                _stringLanes[c] = HashDictionary(text.Dictionary);
            }
        }
    }

    /// <summary>Hashes rows <paramref name="start"/> .. start + hashes.Length - 1 (at most <see cref="BlockSize"/>).</summary>
    public void HashBlock(int start, Span<UInt128> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hashes.Length, BlockSize);
        var a = _laneA.AsSpan(0, hashes.Length);
        var b = _laneB.AsSpan(0, hashes.Length);
        a.Fill(InitialA);
        b.Fill(InitialB);
        for (var c = 0; c < _columns.Length; c++)
        {
            var seed = _seeds[c];
            switch (_columns[c])
            {
                case Float64Column numbers:
                    MixFloat64(numbers, seed, start, a, b);
                    break;
                case Int64Column integers when _mode == RowHashMode.ByValue:
                    MixInt64ByValue(integers, seed, start, a, b);
                    break;
                case Int64Column integers:
                    MixInt64(integers, seed, start, a, b);
                    break;
                case BooleanColumn flags:
                    MixBoolean(flags, seed, start, a, b);
                    break;
                case StringColumn text when _stringLanes[c] is { } lanes:
                    MixStringByValue(text, lanes.A, lanes.B, seed, start, a, b);
                    break;
                case StringColumn text:
                    MixStringCode(text, seed, start, a, b);
                    break;
                default:
                    throw new InvalidOperationException($"Column '{_columns[c].Name}' has kind {_columns[c].Kind}, which the row hash does not know.");
            }
        }

        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = new UInt128(a[i], b[i]);
        }
    }

    private static (ulong[] A, ulong[] B) HashDictionary(StringDictionary dictionary)
    {
        var count = dictionary.Count;
        var laneA = new ulong[count];
        var laneB = new ulong[count];
        for (var code = 0; code < count; code++)
        {
            (laneA[code], laneB[code]) = ValueHash.String(dictionary[code]);
        }

        return (laneA, laneB);
    }

    private static void Present(ref ulong a, ref ulong b, ulong valueA, ulong valueB, in ColumnSeed seed)
    {
        a = ValueHash.MixA(a ^ valueA ^ seed.PresentA);
        b = ValueHash.MixB(unchecked(b + (valueB ^ seed.PresentB)));
    }

    private static void Missing(ref ulong a, ref ulong b, in ColumnSeed seed)
    {
        a = ValueHash.MixA(a ^ seed.MissingA);
        b = ValueHash.MixB(unchecked(b + seed.MissingB));
    }

    /// <summary>
    /// Per-column seeds. With equal earlier lanes, lane A confuses a present value v with missing only when
    /// v = PresentA ^ MissingA, and lane B only when v = PresentB ^ MissingB; the seeds make those two differ (one is
    /// the complement of the other), so missing and present never collide at the same position.
    /// </summary>
    private readonly record struct ColumnSeed(ulong PresentA, ulong PresentB, ulong MissingA, ulong MissingB)
    {
        public static ColumnSeed ForPosition(int position)
        {
            var p = (ulong)position;
            var presentA = ValueHash.MixA(unchecked(0x452821E638D01377UL + (p * 4)));
            var presentB = ValueHash.MixB(unchecked(0xBE5466CF34E90C6CUL + (p * 4) + 1));
            var missingA = ValueHash.MixA(unchecked(0xC0AC29B7C97C50DDUL + (p * 4) + 2));
            var missingB = presentB ^ ~(presentA ^ missingA);
            return new ColumnSeed(presentA, presentB, missingA, missingB);
        }
    }
}
