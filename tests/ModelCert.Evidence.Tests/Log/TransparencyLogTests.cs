using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.Merkle;

using Xunit;

namespace ModelCert.Evidence.Tests.Log;

public sealed class TransparencyLogTests
{
    public sealed class Append
    {
        [Fact]
        public void Should_return_the_index_and_a_signed_checkpoint_that_proves_the_entry()
        {
            // Given a log with three entries / When a fourth is appended
            using var fixture = new LogFixture(entries: 3);
            var result = fixture.Log.Append(LogFixture.Entry(3));

            // Then it is entry 3 of 4, the checkpoint note opens with the key, and an inclusion proof leads to its root
            Assert.Equal(3, result.Index);
            Assert.Equal(4, result.Checkpoint.TreeSize);
            Assert.Equal(result.Checkpoint, Checkpoint.Open(result.CheckpointNote, fixture.Key.PublicKey, out _));
            Assert.Equal(result.CheckpointNote, File.ReadAllText(fixture.CheckpointPath(4)));
            for (var i = 0; i < 4; i++)
            {
                var proof = fixture.Log.InclusionProof(i, 4);
                Assert.True(MerkleProof.VerifyInclusion(MerkleHash.Leaf(LogFixture.Entry(i)), i, 4, proof, result.Checkpoint.RootHash), $"entry {i}");
            }
        }

        [Fact]
        public void Should_keep_every_entry_across_reopening_and_prove_consistency_between_sizes()
        {
            // Given a log of 5 entries, reopened
            using var fixture = new LogFixture(entries: 5);
            var reopened = TransparencyLog.Open(fixture.Folder, fixture.Key);
            Assert.Equal(5, reopened.Size);
            Assert.Equal(fixture.Log.Origin, reopened.Origin);

            // When it grows to 9 through the reopened handle
            for (var i = 5; i < 9; i++)
            {
                reopened.Append(LogFixture.Entry(i));
            }

            // Then entries read back, and every earlier size is consistent with the latest
            for (var i = 0; i < 9; i++)
            {
                Assert.Equal(LogFixture.Entry(i), reopened.ReadEntry(i));
            }

            for (var size = 1; size <= 9; size++)
            {
                Assert.True(MerkleProof.VerifyConsistency(size, 9, reopened.Root(size), reopened.Root(9), reopened.ConsistencyProof(size, 9)), $"{size} -> 9");
            }

            // And the first handle catches up with what the second appended before appending itself
            Assert.Equal(9, fixture.Log.Append(LogFixture.Entry(9)).Index);
            Assert.True(fixture.Verify().Holds, string.Join("\n", fixture.Verify().Checks));
        }

        [Fact]
        public void Should_discard_an_interrupted_append_and_go_on()
        {
            // Given a log whose last append was cut off after part of its record reached the disk
            using var fixture = new LogFixture(entries: 2);
            using (var stream = new FileStream(fixture.EntriesPath, FileMode.Append))
            {
                stream.Write([0, 0, 0, 50, (byte)'{', (byte)'"']);
            }

            // When the log is verified, Then it holds and mentions the incomplete record
            var before = fixture.Verify();
            Assert.True(before.Holds, string.Join("\n", before.Checks));
            Assert.Contains(before.Checks, c => c.Message.Contains("incomplete record", StringComparison.Ordinal));

            // When another entry is appended through a fresh handle, Then it becomes entry 2 and the log verifies clean
            var log = TransparencyLog.Open(fixture.Folder, fixture.Key);
            Assert.Equal(2, log.Append(LogFixture.Entry(2)).Index);
            Assert.Equal([LogFixture.Entry(0), LogFixture.Entry(1), LogFixture.Entry(2)], fixture.ReadRecords());
            var after = fixture.Verify();
            Assert.True(after.Holds, string.Join("\n", after.Checks));
            Assert.DoesNotContain(after.Checks, c => c.Message.Contains("incomplete record", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_refuse_to_sign_over_a_rewritten_log()
        {
            // Given a log whose entry 1 was rewritten behind its back
            using var fixture = new LogFixture(entries: 3);
            var records = fixture.ReadRecords();
            records[1] = "{\"kind\":\"forged\"}"u8.ToArray();
            fixture.WriteRecords(records);

            // When another entry is appended, Then it is refused, and so is reopening
            var error = Assert.Throws<TransparencyLogException>(() => fixture.Log.Append(LogFixture.Entry(3)));
            Assert.Contains("rewritten", error.Message, StringComparison.Ordinal);
            Assert.Throws<TransparencyLogException>(() => TransparencyLog.Open(fixture.Folder, fixture.Key));
        }

        [Fact]
        public void Should_refuse_another_origin_or_key()
        {
            using var fixture = new LogFixture(entries: 1);
            Assert.Contains("origin", Assert.Throws<TransparencyLogException>(() => TransparencyLog.Open(fixture.Folder, fixture.Key, "elsewhere.example/log")).Message, StringComparison.Ordinal);
            using var other = SigningKey.Generate();
            Assert.Contains("does not verify", Assert.Throws<TransparencyLogException>(() => TransparencyLog.Open(fixture.Folder, other)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_take_turns_when_two_handles_append_at_once()
        {
            // Given two handles on one log / When each appends 15 entries from its own thread
            using var fixture = new LogFixture();
            var second = TransparencyLog.Open(fixture.Folder, fixture.Key);
            var indexes = new System.Collections.Concurrent.ConcurrentBag<long>();
            Parallel.For(0, 30, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
                indexes.Add((i % 2 == 0 ? fixture.Log : second).Append(LogFixture.Entry(i)).Index));

            // Then every append got its own index, every entry is stored once, and the log verifies
            Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), indexes.Order());
            Assert.Equal(Enumerable.Range(0, 30).Select(i => Convert.ToHexString(LogFixture.Entry(i))).Order(), fixture.ReadRecords().Select(Convert.ToHexString).Order());
            var report = fixture.Verify();
            Assert.True(report.Holds, string.Join("\n", report.Checks));
        }

        [Fact]
        public void Should_refuse_an_oversized_entry()
        {
            using var fixture = new LogFixture();
            Assert.Throws<ArgumentException>(() => fixture.Log.Append(new byte[(1 << 20) + 1]));
        }
    }
}
