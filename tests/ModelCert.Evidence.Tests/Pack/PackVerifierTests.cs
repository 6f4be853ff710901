using System.Text;

using ModelCert.Core;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Pack;

using Xunit;

namespace ModelCert.Evidence.Tests.Pack;

public sealed class PackVerifierTests
{
    public sealed class IntactPack
    {
        [Fact]
        public void Should_hold_with_the_signer_key_and_the_model()
        {
            // Given a pack built and written through the API / When verified with the key and the model
            using var fixture = new PackFixture();
            var report = PackVerifier.Verify(fixture.PackFolder, fixture.Key.PublicKey, fixture.ModelPath);

            // Then every check passes, and each kind of check ran
            Assert.True(report.Holds, string.Join("\n", report.Checks));
            Assert.All(report.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
            foreach (var name in new[] { "manifest", "file-hash", "public-key", "attestation-signature", "statement", "model-digest", "checkpoint-signature", "inclusion-proof", "log-entry" })
            {
                Assert.Contains(report.Checks, c => c.Name == name);
            }

            Assert.Equal(fixture.Pack.Manifest.Files.Count, report.Checks.Count(c => c.Name == "file-hash"));
        }

        [Fact]
        public void Should_hold_with_the_pack_key_and_say_it_proves_integrity_only()
        {
            using var fixture = new PackFixture();
            var report = PackVerifier.Verify(fixture.PackFolder);
            Assert.True(report.Holds, string.Join("\n", report.Checks));
            Assert.Contains("not who made it", report.Checks.Single(c => c.Name == "public-key").Message, StringComparison.Ordinal);
            Assert.Equal(CheckOutcome.Skipped, report.Checks.Single(c => c.Name == "model-digest").Outcome);
        }

        [Fact]
        public void Should_hold_as_a_zip()
        {
            using var fixture = new PackFixture();
            var zip = fixture.Temp.File("pack.zip");
            PackWriter.WriteZip(fixture.Pack, zip);
            var report = PackVerifier.Verify(zip, fixture.Key.PublicKey, fixture.ModelPath);
            Assert.True(report.Holds, string.Join("\n", report.Checks));
            Assert.Contains(report.Checks, c => c.File == "lineage/lineage.json" && c.Outcome == CheckOutcome.Passed);
        }

        [Fact]
        public void Should_list_every_file_but_itself_and_the_log_proof_in_the_manifest()
        {
            using var fixture = new PackFixture();
            Assert.Equal(
                ["attestation.dsse.json", "lineage/lineage.json", "model-card.md", "public.pem", "results.json"],
                fixture.Pack.Manifest.Files.Select(f => f.Path));
            Assert.Equal(
                ["attestation.dsse.json", "lineage/lineage.json", "log-proof.json", "manifest.json", "model-card.md", "public.pem", "results.json"],
                Directory.EnumerateFiles(fixture.PackFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fixture.PackFolder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        }
    }

    public sealed class Tampering
    {
        [Fact]
        public void Should_fail_and_name_the_file_whichever_byte_of_whichever_file_is_flipped()
        {
            // Given an intact pack
            using var fixture = new PackFixture();
            var files = Directory.EnumerateFiles(fixture.PackFolder, "*", SearchOption.AllDirectories).ToList();
            Assert.Equal(7, files.Count);
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(fixture.PackFolder, file).Replace('\\', '/');
                var original = File.ReadAllBytes(file);
                for (var position = 0; position < original.Length; position++)
                {
                    // When one byte of one file is flipped
                    var tampered = original.ToArray();
                    tampered[position] ^= 0x01;
                    File.WriteAllBytes(file, tampered);

                    // Then verification fails and names that file, with or without the signer's key
                    AssertNames(PackVerifier.Verify(fixture.PackFolder), relative, position);
                    if (position % 7 == 0)
                    {
                        AssertNames(PackVerifier.Verify(fixture.PackFolder, fixture.Key.PublicKey), relative, position);
                    }
                }

                File.WriteAllBytes(file, original);
            }

            Assert.True(PackVerifier.Verify(fixture.PackFolder).Holds);
        }

        [Fact]
        public void Should_fail_on_a_signature_by_another_key()
        {
            // Given a pack / When verified with someone else's public key
            using var fixture = new PackFixture();
            using var other = SigningKey.Generate();
            var report = PackVerifier.Verify(fixture.PackFolder, other.PublicKey);

            // Then the attestation and the checkpoint fail
            Assert.False(report.Holds);
            Assert.Contains(report.Failures, c => c.Name == "attestation-signature" && c.File == "attestation.dsse.json");
            Assert.Contains(report.Failures, c => c.Name == "checkpoint-signature" && c.File == "log-proof.json");
        }

        [Fact]
        public void Should_fail_on_a_pack_remade_by_another_key_when_given_the_genuine_key()
        {
            // Given an attacker with their own key and log who re-makes the pack about the same model
            using var fixture = new PackFixture();
            using var attacker = SigningKey.Generate();
            var forged = fixture.Build(attacker, Evidence.Log.TransparencyLog.Open(fixture.Temp.File("attacker/log"), attacker));
            PackWriter.WriteFolder(forged, fixture.PackFolder, overwrite: true);

            // When verified with the genuine signer's key, Then the signatures fail
            var report = PackVerifier.Verify(fixture.PackFolder, fixture.Key.PublicKey, fixture.ModelPath);
            Assert.Contains(report.Failures, c => c.Name == "attestation-signature");
            Assert.Contains(report.Failures, c => c.Name == "checkpoint-signature");
        }

        [Fact]
        public void Should_fail_on_another_model_file()
        {
            using var fixture = new PackFixture();
            var other = fixture.Temp.Write("models/other.onnx", "another model\n");
            var report = PackVerifier.Verify(fixture.PackFolder, fixture.Key.PublicKey, other);
            var failure = Assert.Single(report.Failures);
            Assert.Equal("model-digest", failure.Name);
            Assert.Equal(other, failure.File);
            Assert.Contains("'loan.onnx'", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_fail_on_an_added_file_and_on_a_removed_one()
        {
            using var fixture = new PackFixture();
            File.WriteAllText(Path.Combine(fixture.PackFolder, "extra.txt"), "sneaked in");
            File.Delete(Path.Combine(fixture.PackFolder, "model-card.md"));
            var report = PackVerifier.Verify(fixture.PackFolder, fixture.Key.PublicKey);
            Assert.Equal(["extra.txt", "model-card.md"], report.FailedFiles.Order(StringComparer.Ordinal));
            Assert.Contains(report.Failures, c => c.Name == "unlisted-file" && c.File == "extra.txt");
            Assert.Contains(report.Failures, c => c.Name == "missing-file" && c.File == "model-card.md");
        }

        [Fact]
        public void Should_fail_on_a_zip_whose_entry_was_replaced_or_whose_bytes_were_damaged()
        {
            using var fixture = new PackFixture();
            var files = fixture.Pack.Files.ToDictionary(f => f.Key, f => f.Value);
            files["results.json"] = Encoding.UTF8.GetBytes("{\"verdict\":\"certified!\"}\n");
            var zip = fixture.Temp.File("tampered.zip");
            PackWriter.WriteZip(files, zip, fixture.Pack.Manifest.CreatedAt);
            Assert.Equal(["results.json"], PackVerifier.Verify(zip, fixture.Key.PublicKey).FailedFiles);

            var damaged = fixture.Temp.File("damaged.zip");
            PackWriter.WriteZip(fixture.Pack, damaged);
            var bytes = File.ReadAllBytes(damaged);
            bytes[bytes.Length / 3] ^= 0x01;
            File.WriteAllBytes(damaged, bytes);
            Assert.False(PackVerifier.Verify(damaged, fixture.Key.PublicKey).Holds);
        }

        private static void AssertNames(VerificationReport report, string file, int position)
        {
            Assert.False(report.Holds, $"flipping byte {position} of {file} went unnoticed");
            Assert.True(report.FailedFiles.Contains(file), $"flipping byte {position} of {file} was reported as:\n{string.Join("\n", report.Failures)}");
        }
    }

    public sealed class BadInput
    {
        [Fact]
        public void Should_say_there_is_no_pack_or_no_model()
        {
            using var fixture = new PackFixture();
            Assert.Contains("does not exist", Assert.Throws<InputException>(() => PackVerifier.Verify(fixture.Temp.File("nope"))).Message, StringComparison.Ordinal);
            Assert.Contains("model file", Assert.Throws<InputException>(() => PackVerifier.Verify(fixture.PackFolder, modelPath: fixture.Temp.File("nope.onnx"))).Message, StringComparison.Ordinal);
        }
    }
}
