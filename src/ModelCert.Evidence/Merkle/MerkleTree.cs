namespace ModelCert.Evidence.Merkle;

/// <summary>
/// An append-only Merkle tree over leaf hashes that keeps the hash of every complete, aligned subtree, so the root
/// of any prefix and the inclusion and consistency proofs of RFC 9162 §2.1.3.1 and §2.1.4.1 cost O(log² n) hashes
/// instead of a pass over every leaf. <see cref="MerkleProof"/> verifies what this produces.
/// </summary>
public sealed class MerkleTree
{
    // _levels[h][i] is the hash of the 2^h leaves starting at i * 2^h; only complete subtrees are kept.
    private readonly List<List<byte[]>> _levels = [[]];

    /// <summary>The number of leaves.</summary>
    public long Size => _levels[0].Count;

    /// <summary>Appends a leaf by its hash (<see cref="MerkleHash.Leaf"/> of the entry).</summary>
    public void AppendLeafHash(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"a leaf hash has {MerkleHash.Size} bytes, not {leafHash.Length}", nameof(leafHash));
        }

        _levels[0].Add(leafHash);
        for (var level = 0; _levels[level].Count % 2 == 0; level++)
        {
            if (level + 1 == _levels.Count)
            {
                _levels.Add([]);
            }

            var row = _levels[level];
            _levels[level + 1].Add(MerkleHash.Node(row[^2], row[^1]));
        }
    }

    /// <summary>Appends a leaf by its data.</summary>
    public void Append(ReadOnlySpan<byte> data) => AppendLeafHash(MerkleHash.Leaf(data));

    /// <summary>The hash of leaf <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        CheckRange(index, 0, Size - 1, nameof(index));
        return _levels[0][checked((int)index)];
    }

    /// <summary>MTH of the first <paramref name="treeSize"/> leaves (the empty-tree hash for 0).</summary>
    public byte[] Root(long treeSize)
    {
        CheckRange(treeSize, 0, Size, nameof(treeSize));
        return treeSize == 0 ? MerkleHash.EmptyRoot() : Subtree(0, treeSize);
    }

    /// <summary>The root of the whole tree.</summary>
    public byte[] Root() => Root(Size);

    /// <summary>
    /// The audit path PATH(m, D[n]) of RFC 9162 §2.1.3.1 for leaf <paramref name="index"/> in the tree of the first
    /// <paramref name="treeSize"/> leaves, from the leaf's sibling up to the root's child.
    /// </summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long treeSize)
    {
        CheckRange(treeSize, 1, Size, nameof(treeSize));
        CheckRange(index, 0, treeSize - 1, nameof(index));
        var path = new List<byte[]>();
        AuditPath(index, 0, treeSize, path);
        return path;
    }

    /// <summary>
    /// The consistency proof PROOF(m, D[n]) of RFC 9162 §2.1.4.1 between the trees of the first
    /// <paramref name="firstSize"/> and <paramref name="secondSize"/> leaves; empty when they are equal or the first is empty.
    /// </summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long firstSize, long secondSize)
    {
        CheckRange(secondSize, 0, Size, nameof(secondSize));
        CheckRange(firstSize, 0, secondSize, nameof(firstSize));
        var path = new List<byte[]>();
        if (firstSize > 0 && firstSize < secondSize)
        {
            SubProof(firstSize, 0, secondSize, complete: true, path);
        }

        return path;
    }

    // MTH(D[start:end]). In the RFC's recursion every left part is a complete subtree aligned to its size,
    // which the level cache answers directly; only the ragged right edge recurses.
    private byte[] Subtree(long start, long end)
    {
        var n = end - start;
        if (long.IsPow2(n) && start % n == 0)
        {
            var level = long.Log2(n);
            return _levels[checked((int)level)][checked((int)(start >> (int)level))];
        }

        var k = MerkleHash.SplitPoint(n);
        return MerkleHash.Node(Subtree(start, start + k), Subtree(start + k, end));
    }

    private void AuditPath(long index, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (index < k)
        {
            AuditPath(index, start, start + k, path);
            path.Add(Subtree(start + k, end));
        }
        else
        {
            AuditPath(index - k, start + k, end, path);
            path.Add(Subtree(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b).
    private void SubProof(long m, long start, long end, bool complete, List<byte[]> path)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete)
            {
                path.Add(Subtree(start, end));
            }

            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, complete, path);
            path.Add(Subtree(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, complete: false, path);
            path.Add(Subtree(start, start + k));
        }
    }

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}");
        }
    }
}
