using ModelCert.Core;
using ModelCert.Evidence.Keys;

using Xunit;

namespace ModelCert.Evidence.Tests.Log;

public sealed class LogVerifierTests
{
    [Fact]
    public void Should_hold_for_an_intact_log_with_every_checkpoint_and_consistency_checked()
    {
        // Given a log of 6 appends (6 checkpoints) / When verified
        using var fixture = new LogFixture(entries: 6);
        var report = fixture.Verify();

        // Then it holds, with a signature and root check per checkpoint and 5 consistency proofs
        Assert.True(report.Holds, string.Join("\n", report.Checks));
        Assert.Equal(6, report.Checks.Count(c => c.Name == "checkpoint-signature" && c.Outcome == CheckOutcome.Passed));
        Assert.Equal(6, report.Checks.Count(c => c.Name == "log-root" && c.Outcome == CheckOutcome.Passed));
        Assert.Equal(5, report.Checks.Count(c => c.Name == "log-consistency" && c.Outcome == CheckOutcome.Passed));
    }

    [Fact]
    public void Should_detect_a_log_truncated_to_fewer_entries()
    {
        // Given a log of 6 entries cut back to 4
        using var fixture = new LogFixture(entries: 6);
        fixture.WriteRecords(fixture.ReadRecords().Take(4));

        // When verified, Then the checkpoints of 5 and 6 fail, naming entries.bin
        var report = fixture.Verify();
        Assert.False(report.Holds);
        var truncated = report.Failures.Where(c => c.Name == "log-truncated").ToList();
        Assert.Equal(2, truncated.Count);
        Assert.All(truncated, c => Assert.Equal("entries.bin", c.File));
        Assert.Contains("holds 4", truncated[0].Message, StringComparison.Ordinal);
        Assert.Contains(report.Failures, c => c.Name == "log-consistency");
    }

    [Fact]
    public void Should_detect_a_log_truncated_in_the_middle_of_a_record()
    {
        using var fixture = new LogFixture(entries: 3);
        var bytes = File.ReadAllBytes(fixture.EntriesPath);
        File.WriteAllBytes(fixture.EntriesPath, bytes[..^5]);
        var report = fixture.Verify();
        Assert.False(report.Holds);
        Assert.Contains(report.Failures, c => c.Name == "log-truncated" && c.Message.Contains("holds 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void Should_detect_any_rewritten_entry_and_name_where_it_lies(int index)
    {
        // Given a log of 7 entries where one entry's content was replaced
        using var fixture = new LogFixture(entries: 7);
        var records = fixture.ReadRecords();
        records[index] = [.. records[index]];
        records[index][^2] ^= 0x01;
        fixture.WriteRecords(records);

        // When verified, Then every checkpoint from that entry on fails, and the first names the entry
        var report = fixture.Verify();
        var roots = report.Failures.Where(c => c.Name == "log-root").ToList();
        Assert.Equal(7 - index, roots.Count);
        Assert.Contains($"entry {index} was rewritten", roots[0].Message, StringComparison.Ordinal);
        Assert.Equal(index, report.Checks.Count(c => c.Name == "log-root" && c.Outcome == CheckOutcome.Passed));
    }

    [Fact]
    public void Should_detect_reordered_entries()
    {
        // Given a log of 5 entries where entries 1 and 2 swapped places (every byte is still there)
        using var fixture = new LogFixture(entries: 5);
        var records = fixture.ReadRecords();
        (records[1], records[2]) = (records[2], records[1]);
        fixture.WriteRecords(records);

        // When verified, Then the checkpoints from size 2 on fail
        var report = fixture.Verify();
        Assert.False(report.Holds);
        Assert.Equal(4, report.Failures.Count(c => c.Name == "log-root"));
    }

    [Fact]
    public void Should_detect_a_forged_checkpoint_or_one_signed_by_another_key()
    {
        using var fixture = new LogFixture(entries: 3);
        var note = File.ReadAllText(fixture.CheckpointPath(2));
        File.WriteAllText(fixture.CheckpointPath(2), note.Replace("\n2\n", "\n1\n", StringComparison.Ordinal));
        using var other = SigningKey.Generate();
        var checkpoint = Evidence.Log.Checkpoint.Open(File.ReadAllText(fixture.CheckpointPath(3)), fixture.Key.PublicKey, out _)!;
        File.WriteAllText(fixture.CheckpointPath(3), checkpoint.Sign(other));

        var report = fixture.Verify();
        Assert.Equal(["checkpoints/00000000000000000002.note", "checkpoints/00000000000000000003.note"], report.Failures.Where(c => c.Name == "checkpoint-signature").Select(c => c.File));
    }

    [Fact]
    public void Should_detect_deleted_checkpoints()
    {
        using var fixture = new LogFixture(entries: 2);
        Directory.Delete(Path.Combine(fixture.Folder, "checkpoints"), recursive: true);
        Assert.Contains(fixture.Verify().Failures, c => c.Name == "log-coverage");
    }

    [Fact]
    public void Should_detect_truncation_hidden_by_deleting_checkpoints_when_given_a_checkpoint_kept_elsewhere()
    {
        // Given a checkpoint of size 5 kept in an evidence pack, and a log later cut back to 3 with its checkpoints 4 and 5 deleted
        using var fixture = new LogFixture(entries: 5);
        var kept = File.ReadAllText(fixture.CheckpointPath(5));
        fixture.WriteRecords(fixture.ReadRecords().Take(3));
        File.Delete(fixture.CheckpointPath(4));
        File.Delete(fixture.CheckpointPath(5));

        // When verified alone it cannot tell; with the kept checkpoint it fails on truncation
        Assert.True(fixture.Verify().Holds);
        var report = fixture.Verify([("pack/log-proof.json", kept)]);
        Assert.Contains(report.Failures, c => c.Name == "log-truncated" && c.Message.Contains("pack/log-proof.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_detect_a_damaged_header_or_record_length()
    {
        using var fixture = new LogFixture(entries: 2);
        var bytes = File.ReadAllBytes(fixture.EntriesPath);
        bytes[8] = 0xFF;
        File.WriteAllBytes(fixture.EntriesPath, bytes);
        Assert.Contains(fixture.Verify().Failures, c => c.Name == "log-entries" && c.Message.Contains("byte 8", StringComparison.Ordinal));

        bytes[0] = (byte)'X';
        File.WriteAllBytes(fixture.EntriesPath, bytes);
        Assert.Contains(fixture.Verify().Failures, c => c.Name == "log-entries" && c.Message.Contains("header", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_say_there_is_no_log()
    {
        using var fixture = new LogFixture();
        var error = Assert.Throws<InputException>(() => Evidence.Log.LogVerifier.Verify(Path.Combine(fixture.Folder, "nope"), fixture.Key.PublicKey));
        Assert.Contains("no transparency log", error.Message, StringComparison.Ordinal);
    }
}
