using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Frames;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class RowHashTests
{
    private static UInt128[] Hash(IReadOnlyList<Column> columns, RowHashMode mode)
    {
        var hasher = new RowHasher(columns, mode);
        var rows = columns[0].Length;
        var hashes = new UInt128[rows];
        for (var start = 0; start < rows; start += RowHasher.BlockSize)
        {
            hasher.HashBlock(start, hashes.AsSpan(start, Math.Min(RowHasher.BlockSize, rows - start)));
        }

        return hashes;
    }

    public sealed class HashBlock
    {
        [Fact]
        public void Should_give_the_same_bits_on_every_run()
        {
            // Given one row of every kind
            Column[] columns = [Integers("i", 42), Numbers("f", 0.5), Flags("b", true), Texts("s", "héllo")];

            // When it is hashed within a frame and by value
            var within = Hash(columns, RowHashMode.WithinFrame)[0];
            var byValue = Hash(columns, RowHashMode.ByValue)[0];

            // Then the bits are the pinned ones, so results reproduce across runs, machines and releases
            Expect.Equal(new UInt128(0x426D484200478C0EUL, 0xD5C3CFC35E3DD648UL), within, "within-frame hash");
            Expect.Equal(new UInt128(0xD5892456C8E398F3UL, 0x5311ED9A5419EC84UL), byValue, "by-value hash");
        }

        [Fact]
        public void Should_hash_rows_across_block_boundaries_like_single_rows()
        {
            // Given 2500 rows cycling through 7 values, hashed in blocks of 1024
            var column = Integers("n", [.. Enumerable.Range(0, 2500).Select(i => (long?)(i % 7))]);

            // When all rows are hashed
            var hashes = Hash([column], RowHashMode.WithinFrame);

            // Then equal values hash alike wherever they fall, and there are exactly 7 distinct hashes
            Expect.Equal(hashes[3], hashes[3 + (7 * 300)], "same value in another block");
            Expect.Equal(7, hashes.Distinct().Count(), "distinct hashes");
        }
    }

    public sealed class Number
    {
        [Fact]
        public void Should_encode_integers_like_the_doubles_that_equal_them()
        {
            // Given integers a double holds exactly, and ones it does not
            // When they are encoded
            // Then exact ones match the double's bits, and 2^53 + 1 and long.MaxValue do not match their rounding
            Expect.Equal((ValueHash.DoubleBits(3.0), ValueHash.DoubleBits(3.0)), ValueHash.Number(3), "3");
            Expect.Equal((0UL, 0UL), ValueHash.Number(0), "0 like +0.0");
            Expect.Equal((ValueHash.DoubleBits(-9.223372036854775808E18), ValueHash.DoubleBits(-9.223372036854775808E18)), ValueHash.Number(long.MinValue), "-2^63");
            Assert.NotEqual(ValueHash.DoubleBits(9007199254740992.0), ValueHash.Number((1L << 53) + 1).A);
            Assert.NotEqual(ValueHash.DoubleBits(9.223372036854775807E18), ValueHash.Number(long.MaxValue).A);
        }
    }

    public sealed class String
    {
        [Fact]
        public void Should_tell_apart_strings_that_differ_in_length_or_one_char()
        {
            // Given strings that differ only at the end, by a zero char, or in one character
            string[] values = ["", "a", "a\0", "ab", "abcd", "abcde", "abcdefgh", "abcdefgi", "ABCDEFGH"];

            // When each is hashed
            var hashes = values.Select(ValueHash.String).ToList();

            // Then all differ, and hashing again gives the same lanes
            Expect.Equal(values.Length, hashes.Distinct().Count(), "distinct string hashes");
            Expect.Equal(hashes[6], ValueHash.String("abcdefgh"), "stable");
        }
    }

    public sealed class Set
    {
        [Fact]
        public void Should_add_each_key_once_through_growth_and_keep_zero_apart()
        {
            // Given a set sized for 4 keys
            var set = new Hash128Set(4);

            // When 10 000 keys (zero among them) are added twice
            var firstAdds = 0;
            var secondAdds = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                for (ulong k = 0; k < 10_000; k++)
                {
                    var added = set.Add(new UInt128(unchecked(k * 0x9E3779B97F4A7C15UL), k << 4));
                    firstAdds += pass == 0 && added ? 1 : 0;
                    secondAdds += pass == 1 && added ? 1 : 0;
                }
            }

            // Then each was new once, all are found, and an absent key is not
            Expect.Equal(10_000, firstAdds, "first pass adds");
            Expect.Equal(0, secondAdds, "second pass adds");
            Expect.Equal(10_000, set.Count, "count");
            Expect.Equal(true, set.Contains(UInt128.Zero), "zero key");
            Expect.Equal(true, set.Contains(new UInt128(unchecked(9_999 * 0x9E3779B97F4A7C15UL), 9_999UL << 4)), "last key");
            Expect.Equal(false, set.Contains(new UInt128(1, 1)), "absent key");
        }
    }
}
