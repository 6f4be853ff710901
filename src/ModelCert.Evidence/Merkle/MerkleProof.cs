using System.Security.Cryptography;

namespace ModelCert.Evidence.Merkle;

/// <summary>
/// Verifies inclusion and consistency proofs with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2. These take only
/// hashes and sizes, never the log, so an auditor holding a pack and a signed checkpoint needs nothing else.
/// </summary>
public static class MerkleProof
{
    /// <summary>
    /// Whether <paramref name="path"/> proves the leaf with hash <paramref name="leafHash"/> sits at
    /// <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        var computed = RootFromInclusion(leafHash, index, treeSize, path);
        return computed is not null && CryptographicOperations.FixedTimeEquals(computed, root);
    }

    /// <summary>The root an inclusion proof leads to, or null when the proof is malformed for the index and size.</summary>
    public static byte[]? RootFromInclusion(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (index < 0 || index >= treeSize || leafHash.Length != MerkleHash.Size || path.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return null;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> proves the tree of <paramref name="firstSize"/> leaves with root
    /// <paramref name="firstRoot"/> is a prefix of the tree of <paramref name="secondSize"/> leaves with root
    /// <paramref name="secondRoot"/>: nothing the first tree held was changed, removed or reordered.
    /// </summary>
    public static bool VerifyConsistency(long firstSize, long secondSize, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (firstSize < 0 || firstSize > secondSize || path.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return false;
        }

        if (firstSize == secondSize)
        {
            // Equal sizes need no proof: the roots must simply be the same.
            return path.Count == 0 && CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
        }

        if (firstSize == 0)
        {
            // Every tree extends the empty one.
            return path.Count == 0;
        }

        if (path.Count == 0 || firstRoot.Length != MerkleHash.Size || secondRoot.Length != MerkleHash.Size)
        {
            return false;
        }

        // RFC 9162 §2.1.4.2: a first tree whose size is a power of two is itself a node of the second; its root starts the walk.
        var nodes = long.IsPow2(firstSize) ? [firstRoot.ToArray(), .. path] : path.ToList();
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = nodes[0];
        var sr = nodes[0];
        foreach (var c in nodes.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, firstRoot) && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }
}
