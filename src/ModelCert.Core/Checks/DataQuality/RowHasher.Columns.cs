using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>The typed per-column loops of <see cref="RowHasher"/>: one pass over a block of one column each.</summary>
internal sealed partial class RowHasher
{
    private static void MixFloat64(Float64Column column, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var values = column.Values.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value) || !validity.IsValid(start + i))
            {
                Missing(ref a[i], ref b[i], seed);
            }
            else
            {
                var bits = ValueHash.DoubleBits(value);
                Present(ref a[i], ref b[i], bits, bits, seed);
            }
        }
    }

    private static void MixInt64(Int64Column column, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var values = column.Values.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < values.Length; i++)
        {
            if (validity.IsValid(start + i))
            {
                var bits = unchecked((ulong)values[i]);
                Present(ref a[i], ref b[i], bits, bits, seed);
            }
            else
            {
                Missing(ref a[i], ref b[i], seed);
            }
        }
    }

    private static void MixInt64ByValue(Int64Column column, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var values = column.Values.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < values.Length; i++)
        {
            if (validity.IsValid(start + i))
            {
                var (valueA, valueB) = ValueHash.Number(values[i]);
                Present(ref a[i], ref b[i], valueA, valueB, seed);
            }
            else
            {
                Missing(ref a[i], ref b[i], seed);
            }
        }
    }

    private static void MixBoolean(BooleanColumn column, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var one = ValueHash.DoubleBits(1.0);
        var values = column.Values.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < values.Length; i++)
        {
            if (validity.IsValid(start + i))
            {
                var bits = values[i] ? one : 0UL;
                Present(ref a[i], ref b[i], bits, bits, seed);
            }
            else
            {
                Missing(ref a[i], ref b[i], seed);
            }
        }
    }

    private static void MixStringCode(StringColumn column, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var codes = column.Codes.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < codes.Length; i++)
        {
            if (validity.IsValid(start + i))
            {
                var bits = unchecked((ulong)(uint)codes[i]);
                Present(ref a[i], ref b[i], bits, bits, seed);
            }
            else
            {
                Missing(ref a[i], ref b[i], seed);
            }
        }
    }

    private static void MixStringByValue(
        StringColumn column, ulong[] laneA, ulong[] laneB, in ColumnSeed seed, int start, Span<ulong> a, Span<ulong> b)
    {
        var codes = column.Codes.AsSpan(start, a.Length);
        var validity = column.Validity;
        for (var i = 0; i < codes.Length; i++)
        {
            if (validity.IsValid(start + i))
            {
                var code = codes[i];
                Present(ref a[i], ref b[i], laneA[code], laneB[code], seed);
            }
            else
            {
                Missing(ref a[i], ref b[i], seed);
            }
        }
    }
}
