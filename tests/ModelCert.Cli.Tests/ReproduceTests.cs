using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary><c>certify --reproduce PACK</c>: the same files and seed give identical results; a changed input is reported.</summary>
public sealed class ReproduceTests
{
    public sealed class Reproduce
    {
        [Fact]
        public void Should_find_the_rerun_identical_with_the_same_files_and_seed_and_write_nothing()
        {
            // Given a pack, and what its folder and the log hold
            using var fixture = new CertifiedPack();
            var before = Directory.GetFiles(fixture.Pack).ToDictionary(f => f, File.ReadAllBytes);

            // When its certification is re-run
            var result = CliRunner.Run("certify", "--reproduce", fixture.Pack);

            // Then it is identical (exit 0), the pack is untouched and the log did not grow
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("reproduced: the re-run of", result.Out, StringComparison.Ordinal);
            Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
            Assert.Contains("1 entries", CliRunner.Run("log", "verify", "--workspace", fixture.Workspace).Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_report_a_changed_data_file_and_the_metrics_that_moved()
        {
            // Given a pack, and a copy of its data with two labels flipped
            using var fixture = new CertifiedPack();
            var lines = File.ReadAllLines(fixture.Data);
            var label = Array.IndexOf(lines[0].Split(','), "credit_risk");
            for (var row = 1; row <= 2; row++)
            {
                var cells = lines[row].Split(',');
                cells[label] = cells[label] == "1" ? "2" : "1";
                lines[row] = string.Join(',', cells);
            }

            var changed = fixture.Temp.File("changed.csv");
            File.WriteAllLines(changed, lines);

            // When the pack is reproduced with the changed file in place of the original
            var result = CliRunner.Run("certify", "--reproduce", fixture.Pack, "--data", changed);

            // Then exit 6 names the file with both digests, and the accuracy that moved
            Assert.True(result.ExitCode == 6, result.ToString());
            Assert.Contains($"input test data '{changed}': sha256 now", result.Out, StringComparison.Ordinal);
            Assert.Contains("it is not the same file", result.Out, StringComparison.Ordinal);
            Assert.Contains("metrics.performance.accuracy: pack ", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_tampered_pack_before_rerunning()
        {
            // Given a pack whose lock was edited after signing
            using var fixture = new CertifiedPack();
            var lockFile = Path.Combine(fixture.Pack, "policy.lock.yaml");
            File.WriteAllText(lockFile, File.ReadAllText(lockFile).Replace("min: 0.8", "min: 0.1", StringComparison.Ordinal));

            // When it is reproduced / Then verification fails first (exit 5), naming the lock
            var result = CliRunner.Run("certify", "--reproduce", fixture.Pack);
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("[policy.lock.yaml]", result.Error, StringComparison.Ordinal);
        }
    }
}
