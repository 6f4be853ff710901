using ModelCert.Evidence.Merkle;

using Xunit;

namespace ModelCert.Evidence.Tests.Merkle;

public sealed class MerkleTreeTests
{
    // The Certificate Transparency reference leaves and tree heads (RFC 6962's test vectors, the same tree as RFC 9162).
    private static readonly string[] CtLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] CtRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public sealed class Root
    {
        [Fact]
        public void Should_be_sha256_of_nothing_for_the_empty_tree()
        {
            // Given no leaves / When the root is taken / Then it is SHA-256("")
            Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleTree().Root()));
            Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyRoot()));
        }

        [Fact]
        public void Should_prefix_leaves_with_0x00_and_nodes_with_0x01()
        {
            // SHA-256(0x00) and SHA-256(0x01 || h || h), computed independently
            var leaf = System.Security.Cryptography.SHA256.HashData(new byte[] { 0x00 });
            Assert.Equal(leaf, MerkleHash.Leaf([]));
            Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x01, .. leaf, .. leaf]), MerkleHash.Node(leaf, leaf));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        public void Should_match_the_recursive_definition_for_sizes_1_to_8(int size)
        {
            // Given fixed leaves / When a tree of the first `size` is built
            var leaves = ReferenceTree.Leaves(8);
            var tree = Build(leaves.Take(size));

            // Then its root is the recursive MTH, and so is the root of every smaller prefix
            Assert.Equal(Convert.ToHexStringLower(ReferenceTree.Mth(leaves.Take(size).ToList())), Convert.ToHexStringLower(tree.Root()));
            for (var prefix = 0; prefix <= size; prefix++)
            {
                Assert.Equal(ReferenceTree.Mth(leaves.Take(prefix).ToList()), tree.Root(prefix));
            }
        }

        [Fact]
        public void Should_match_the_certificate_transparency_tree_heads()
        {
            // Given the CT reference leaves / When added one by one
            var leaves = CtLeaves.Select(Convert.FromHexString).ToList();
            var tree = Build(leaves);

            // Then each prefix has the published root, and the reference recursion agrees
            for (var size = 1; size <= 8; size++)
            {
                Assert.Equal(CtRoots[size - 1], Convert.ToHexStringLower(tree.Root(size)));
                Assert.Equal(CtRoots[size - 1], Convert.ToHexStringLower(ReferenceTree.Mth(leaves.Take(size).ToList())));
            }
        }

        [Fact]
        public void Should_match_the_recursive_definition_up_to_100_leaves()
        {
            var leaves = ReferenceTree.Leaves(100);
            var tree = Build(leaves);
            foreach (var size in new[] { 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 99, 100 })
            {
                Assert.True(ReferenceTree.Mth(leaves.Take(size).ToList()).AsSpan().SequenceEqual(tree.Root(size)), $"root of size {size}");
            }
        }

        [Fact]
        public void Should_refuse_a_size_beyond_the_tree()
        {
            var tree = Build(ReferenceTree.Leaves(3));
            Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(4));
            Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(-1));
        }
    }

    internal static MerkleTree Build(IEnumerable<byte[]> leaves)
    {
        var tree = new MerkleTree();
        foreach (var leaf in leaves)
        {
            tree.Append(leaf);
        }

        return tree;
    }
}
