using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The deterministic 64-bit mixers and value encodings behind the 128-bit row hash. Unlike <see cref="HashCode"/>,
/// which is seeded per process, these give the same bits on every machine and run, so duplicate and leakage counts
/// reproduce exactly from the evidence.
/// </summary>
internal static class ValueHash
{
    /// <summary>2^63, the one <c>long</c> conversion result that does not fit back into a <c>long</c>.</summary>
    private const double TwoToThe63 = 9223372036854775808.0;

    private const ulong StringSeedA = 0x6A09E667F3BCC908UL;
    private const ulong StringSeedB = 0xBB67AE8584CAA73BUL;
    private const ulong TailTweakA = 0x3C6EF372FE94F82BUL;
    private const ulong TailTweakB = 0xA54FF53A5F1D36F1UL;

    /// <summary>Marks an integer that no double equals, so it cannot hash like a double's bits by design.</summary>
    private const ulong WideIntegerTweakA = 0x510E527FADE682D1UL;
    private const ulong WideIntegerTweakB = 0x9B05688C2B3E6C1FUL;

    /// <summary>A bijective 64-bit mixer (xor-shift, multiply, twice): every input bit moves every output bit.</summary>
    public static ulong MixA(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A second bijective mixer with other shifts and multipliers, so the two lanes fail independently.</summary>
    public static ulong MixB(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCDUL;
            z = (z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53UL;
            return z ^ (z >> 33);
        }
    }

    /// <summary>The bits of a (non-NaN) double with -0 folded onto +0, because the two compare equal.</summary>
    public static ulong DoubleBits(double value) => value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value);

    /// <summary>
    /// An integer's lanes, equal to <see cref="DoubleBits"/> of the same number whenever a double can hold it exactly,
    /// so an Int64 column and a Float64 column with equal values hash alike. An integer beyond 2^53 that no double
    /// holds gets a tweaked encoding of its own instead of colliding with its rounded neighbour.
    /// </summary>
    public static (ulong A, ulong B) Number(long value)
    {
        double asDouble = value;
        if (asDouble != TwoToThe63 && unchecked((long)asDouble) == value)
        {
            var bits = DoubleBits(asDouble);
            return (bits, bits);
        }

        return (unchecked((ulong)value) ^ WideIntegerTweakA, unchecked((ulong)value) ^ WideIntegerTweakB);
    }

    /// <summary>
    /// A 128-bit hash of a string's UTF-16 code units (read little-endian, so every platform agrees), as two lanes.
    /// The length goes in first, so strings that differ only by trailing zero chars differ too.
    /// </summary>
    public static (ulong A, ulong B) String(string value)
    {
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        var a = MixA(StringSeedA ^ (ulong)value.Length);
        var b = MixB(unchecked(StringSeedB + (ulong)value.Length));
        var whole = bytes.Length & ~7;
        for (var offset = 0; offset < whole; offset += 8)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);
            a = MixA(a ^ word);
            b = MixB(unchecked(b + word));
        }

        var tail = 0UL;
        for (var offset = whole; offset < bytes.Length; offset++)
        {
            tail = (tail << 8) | bytes[offset];
        }

        return (MixA(a ^ tail ^ TailTweakA), MixB(unchecked(b + (tail ^ TailTweakB))));
    }
}
