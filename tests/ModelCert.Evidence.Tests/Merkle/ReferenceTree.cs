using System.Security.Cryptography;

namespace ModelCert.Evidence.Tests.Merkle;

/// <summary>
/// The Merkle Tree Hash written straight from the recursive definition of RFC 9162 §2.1.1, over raw leaf data and
/// with nothing shared with the code under test, so the two cannot agree by sharing a mistake.
/// </summary>
internal static class ReferenceTree
{
    public static byte[] Mth(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }

        if (leaves.Count == 1)
        {
            return SHA256.HashData([0x00, .. leaves[0]]);
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Mth(leaves.Take(k).ToList()), .. Mth(leaves.Skip(k).ToList())]);
    }

    /// <summary>Leaves of distinct lengths and contents: leaf i is i+1 bytes counting up from 7*i.</summary>
    public static IReadOnlyList<byte[]> Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Range(0, i + 1).Select(j => unchecked((byte)((7 * i) + j))).ToArray()).ToList();
}
