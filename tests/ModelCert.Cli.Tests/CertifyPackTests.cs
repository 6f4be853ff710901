using System.Text.Json;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>certify writes a complete, signed, logged evidence pack that verify accepts, and refuses to clobber other folders.</summary>
public sealed class CertifyPackTests
{
    private static readonly string[] PackFiles =
    [
        "attestation.dsse.json", "lineage.json", "log-proof.json", "manifest.json", "model-card.md", "policy.lock.yaml", "public.pem", "report.html", "results.json",
    ];

    public sealed class Write
    {
        [Fact]
        public void Should_write_every_pack_file_that_verify_accepts_with_the_model()
        {
            // Given a certification of the real german_lr model into a new folder, with a fresh workspace
            using var fixture = new CertifiedPack();

            // Then the pack holds exactly the documented files, a key was generated, and verify holds with the model
            Assert.Equal(PackFiles, Directory.GetFiles(fixture.Pack).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Contains("generated one (key id", fixture.Result.Error, StringComparison.Ordinal);
            Assert.Contains("evidence pack in", fixture.Result.Error, StringComparison.Ordinal);
            var verify = CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey, "--model", fixture.Model);
            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.Contains("ok   model-digest", verify.Out, StringComparison.Ordinal);
            var log = CliRunner.Run("log", "verify", "--workspace", fixture.Workspace);
            Assert.True(log.ExitCode == 0, log.ToString());
        }

        [Fact]
        public void Should_record_seeds_engines_and_a_complete_openlineage_event()
        {
            // Given a pack
            using var fixture = new CertifiedPack();

            // When its manifest and lineage are read
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Pack, "manifest.json")));
            using var lineage = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Pack, "lineage.json")));

            // Then the manifest has the seed and engine versions, and lineage has the model and data as inputs, the pack as output
            var m = manifest.RootElement;
            Assert.Equal(7UL, m.GetProperty("seeds").GetProperty("bootstrap").GetUInt64());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("engine_versions").GetProperty("onnxruntime").GetString()));
            Assert.True(m.GetProperty("timestamps").TryGetProperty("started_at", out _));
            var l = lineage.RootElement;
            Assert.Equal("COMPLETE", l.GetProperty("eventType").GetString());
            var inputs = l.GetProperty("inputs").EnumerateArray().ToList();
            Assert.Equal([fixture.Model, fixture.Data], inputs.Select(i => i.GetProperty("name").GetString()));
            Assert.Equal("MODEL", inputs[0].GetProperty("facets").GetProperty("datasetType").GetProperty("datasetType").GetString());
            var fields = inputs[1].GetProperty("facets").GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Contains(fields, f => f.GetProperty("name").GetString() == "credit_amount" && f.GetProperty("type").GetString() == "INT64");
            Assert.Equal(fixture.Pack, l.GetProperty("outputs")[0].GetProperty("name").GetString());
            Assert.Equal(7UL, l.GetProperty("run").GetProperty("facets").GetProperty("modelcert_submission").GetProperty("seed").GetUInt64());
        }

        [Fact]
        public void Should_mark_missing_card_fields_in_the_model_card_and_list_the_datasets_digest()
        {
            // Given a submission with no card fields
            using var fixture = new CertifiedPack();

            // When the card is read
            var card = File.ReadAllText(Path.Combine(fixture.Pack, "model-card.md"));

            // Then the missing fields are marked, and the measured sections carry the data digest and the fairness table
            Assert.Contains("- Intended purpose: _Not provided by the submitter._", card, StringComparison.Ordinal);
            Assert.Contains("## 7. Fairness by protected attribute", card, StringComparison.Ordinal);
            Assert.Contains("### sex", card, StringComparison.Ordinal);
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Pack, "results.json")));
            Assert.Contains(results.RootElement.GetProperty("datasets")[0].GetProperty("sha256").GetString()!, card, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_replace_a_previous_pack_and_write_a_zip_that_verifies()
        {
            // Given a pack already in the folder
            using var fixture = new CertifiedPack();

            // When certify writes to the same folder again, with --zip
            var again = fixture.Certify(fixture.Pack, "--zip");

            // Then the folder holds the new pack, the zip verifies, and the log has both entries
            Assert.True(again.ExitCode is 0 or 3 or 4, again.ToString());
            Assert.Contains("log entry 1 of 2", again.Error, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey).ExitCode);
            var zip = CliRunner.Run("verify", fixture.Pack + ".zip", "--key", fixture.PublicKey, "--model", fixture.Model);
            Assert.True(zip.ExitCode == 0, zip.ToString());
        }

        [Fact]
        public void Should_refuse_a_folder_that_is_not_a_pack_before_reading_any_data()
        {
            // Given a folder with someone's file in it
            using var fixture = new CertifiedPack();
            var folder = fixture.Temp.File("mine");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");

            // When certify is pointed at it
            var result = fixture.Certify(folder);

            // Then it stops with exit 2 and the reason, and the file is untouched
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("already exists and is not an evidence pack", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("reading", result.Error, StringComparison.Ordinal);
            Assert.Equal("keep me", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        }

        [Fact]
        public void Should_write_loose_results_without_signing_or_logging_with_no_pack()
        {
            // Given a workspace whose log holds the fixture's one entry
            using var fixture = new CertifiedPack();

            // When certify runs with --no-pack
            var result = fixture.Certify(fixture.Temp.File("loose"), "--no-pack");

            // Then only the readable files are written, and the log did not grow
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            Assert.Equal(["model-card.md", "report.html", "results.json"], Directory.GetFiles(fixture.Temp.File("loose")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Contains("1 entries", CliRunner.Run("log", "verify", "--workspace", fixture.Workspace).Out, StringComparison.Ordinal);
        }
    }
}
