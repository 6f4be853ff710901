using ModelCert.Evidence.Merkle;

using Xunit;

namespace ModelCert.Evidence.Tests.Merkle;

public sealed class MerkleProofTests
{
    private const int MaxSize = 32;

    private static readonly IReadOnlyList<byte[]> Leaves = ReferenceTree.Leaves(MaxSize);

    private static readonly MerkleTree Tree = MerkleTreeTests.Build(Leaves);

    public sealed class Inclusion
    {
        [Fact]
        public void Should_verify_every_leaf_in_every_tree_up_to_32()
        {
            for (var size = 1; size <= MaxSize; size++)
            {
                // Given the root by the recursive definition, independent of the tree under test
                var root = ReferenceTree.Mth(Leaves.Take(size).ToList());
                for (var index = 0; index < size; index++)
                {
                    // When the proof is generated / Then it verifies and leads to that root
                    var path = Tree.InclusionProof(index, size);
                    Assert.True(MerkleProof.VerifyInclusion(MerkleHash.Leaf(Leaves[index]), index, size, path, root), $"leaf {index} in a tree of {size}");
                    Assert.True(path.Count <= (int)Math.Ceiling(Math.Log2(size)), $"the path of leaf {index} in {size} has {path.Count} hashes");
                }
            }
        }

        [Fact]
        public void Should_reject_a_tampered_path_a_wrong_root_a_wrong_index_or_a_wrong_leaf()
        {
            for (var size = 2; size <= MaxSize; size++)
            {
                var root = Tree.Root(size);
                for (var index = 0; index < size; index++)
                {
                    var leaf = MerkleHash.Leaf(Leaves[index]);
                    var path = Tree.InclusionProof(index, size);
                    for (var i = 0; i < path.Count; i++)
                    {
                        Assert.False(MerkleProof.VerifyInclusion(leaf, index, size, WithFlippedBit(path, i), root), $"tampered hash {i}, leaf {index} of {size}");
                    }

                    Assert.False(MerkleProof.VerifyInclusion(leaf, index, size, path, Tree.Root(size - 1)), $"wrong root, leaf {index} of {size}");
                    Assert.False(MerkleProof.VerifyInclusion(leaf, (index + 1) % size, size, path, root), $"wrong index, leaf {index} of {size}");
                    Assert.False(MerkleProof.VerifyInclusion(MerkleHash.Leaf([.. Leaves[index], 0]), index, size, path, root), $"wrong leaf {index} of {size}");
                    Assert.False(MerkleProof.VerifyInclusion(leaf, index, size, path.Take(path.Count - 1).ToList(), root), $"short path, leaf {index} of {size}");
                    Assert.False(MerkleProof.VerifyInclusion(leaf, index, size, [.. path, root], root), $"long path, leaf {index} of {size}");
                }
            }
        }

        [Fact]
        public void Should_reject_an_index_outside_the_tree()
        {
            var root = Tree.Root(4);
            var path = Tree.InclusionProof(3, 4);
            Assert.False(MerkleProof.VerifyInclusion(MerkleHash.Leaf(Leaves[3]), 4, 4, path, root));
            Assert.False(MerkleProof.VerifyInclusion(MerkleHash.Leaf(Leaves[3]), -1, 4, path, root));
            Assert.Throws<ArgumentOutOfRangeException>(() => Tree.InclusionProof(4, 4));
        }
    }

    public sealed class Consistency
    {
        [Fact]
        public void Should_verify_every_pair_of_sizes_up_to_32()
        {
            for (var second = 1; second <= MaxSize; second++)
            {
                var secondRoot = ReferenceTree.Mth(Leaves.Take(second).ToList());
                for (var first = 1; first <= second; first++)
                {
                    // Given the two roots by the recursive definition / When the proof is generated / Then it verifies
                    var firstRoot = ReferenceTree.Mth(Leaves.Take(first).ToList());
                    var path = Tree.ConsistencyProof(first, second);
                    Assert.True(MerkleProof.VerifyConsistency(first, second, firstRoot, secondRoot, path), $"consistency {first} -> {second}");
                    Assert.Equal(first == second, path.Count == 0);
                }
            }
        }

        [Fact]
        public void Should_reject_tampered_proofs_and_wrong_roots_for_every_pair()
        {
            for (var second = 2; second <= MaxSize; second++)
            {
                var secondRoot = Tree.Root(second);
                for (var first = 1; first < second; first++)
                {
                    var firstRoot = Tree.Root(first);
                    var path = Tree.ConsistencyProof(first, second);
                    for (var i = 0; i < path.Count; i++)
                    {
                        Assert.False(MerkleProof.VerifyConsistency(first, second, firstRoot, secondRoot, WithFlippedBit(path, i)), $"tampered hash {i}, {first} -> {second}");
                    }

                    Assert.False(MerkleProof.VerifyConsistency(first, second, Tree.Root(first - 1), secondRoot, path), $"wrong first root, {first} -> {second}");
                    Assert.False(MerkleProof.VerifyConsistency(first, second, firstRoot, Tree.Root(second - 1), path), $"wrong second root, {first} -> {second}");
                    Assert.False(MerkleProof.VerifyConsistency(first, second, firstRoot, secondRoot, []), $"empty proof, {first} -> {second}");
                    Assert.False(MerkleProof.VerifyConsistency(first, second, firstRoot, secondRoot, path.Skip(1).ToList()), $"short proof, {first} -> {second}");
                }
            }
        }

        [Fact]
        public void Should_reject_a_tree_whose_old_leaves_were_rewritten_or_reordered()
        {
            // Given a tree of 9 leaves, and a second history where leaves 2 and 3 are swapped before growing to 20
            var rewritten = Leaves.Take(20).ToList();
            (rewritten[2], rewritten[3]) = (rewritten[3], rewritten[2]);
            var other = MerkleTreeTests.Build(rewritten);

            // When the second history proves consistency with the first tree's root / Then it cannot
            var path = other.ConsistencyProof(9, 20);
            Assert.False(MerkleProof.VerifyConsistency(9, 20, Tree.Root(9), other.Root(20), path));
        }

        [Fact]
        public void Should_accept_equal_sizes_only_with_equal_roots_and_no_proof()
        {
            Assert.True(MerkleProof.VerifyConsistency(5, 5, Tree.Root(5), Tree.Root(5), []));
            Assert.False(MerkleProof.VerifyConsistency(5, 5, Tree.Root(5), Tree.Root(6), []));
            Assert.False(MerkleProof.VerifyConsistency(5, 5, Tree.Root(5), Tree.Root(5), [Tree.Root(5)]));
            Assert.False(MerkleProof.VerifyConsistency(6, 5, Tree.Root(6), Tree.Root(5), []));
        }
    }

    private static List<byte[]> WithFlippedBit(IReadOnlyList<byte[]> path, int index)
    {
        var copy = path.Select(p => p.ToArray()).ToList();
        copy[index][index % MerkleHash.Size] ^= 0x01;
        return copy;
    }
}
