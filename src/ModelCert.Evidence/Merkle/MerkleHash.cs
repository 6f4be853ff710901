using System.Security.Cryptography;

namespace ModelCert.Evidence.Merkle;

/// <summary>
/// The hashes of RFC 9162 §2.1 (the same tree as RFC 6962): a leaf is SHA-256(0x00 || data), an interior node is
/// SHA-256(0x01 || left || right), and the tree of no leaves is SHA-256 of the empty string. The two prefixes keep a
/// leaf from ever being read as an interior node (second-preimage resistance), so every log entry has one place.
/// </summary>
public static class MerkleHash
{
    /// <summary>The size of every hash in the tree, in bytes.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of no bytes.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 || <paramref name="data"/>).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 || <paramref name="left"/> || <paramref name="right"/>).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"a Merkle node joins two {Size}-byte hashes, not {left.Length} and {right.Length} bytes");
        }

        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    internal static long SplitPoint(long n)
    {
        var k = 1L;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
