using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>A pack certify wrote is tamper-evident: every byte of every file, the signer's key, and the model file.</summary>
public sealed class CertifyTamperTests
{
    public sealed class Verify
    {
        [Fact]
        public void Should_fail_and_name_the_file_when_one_byte_of_any_pack_file_is_flipped()
        {
            // Given a pack certify wrote, and a pristine copy of each file
            using var fixture = new CertifiedPack();
            var files = Directory.GetFiles(fixture.Pack).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(9, files.Count);
            foreach (var file in files)
            {
                var original = File.ReadAllBytes(file);
                var name = Path.GetFileName(file);
                foreach (var position in new[] { 0, original.Length / 2, original.Length - 1 })
                {
                    // When one bit of one byte is flipped
                    var changed = (byte[])original.Clone();
                    changed[position] ^= 0x01;
                    File.WriteAllBytes(file, changed);
                    var result = CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey);

                    // Then verify exits 5 and a failed check names that file
                    Assert.True(result.ExitCode == 5, $"flipping byte {position} of {name} went unnoticed:\n{result}");
                    Assert.Contains($"[{name}]", result.Error, StringComparison.Ordinal);
                }

                File.WriteAllBytes(file, original);
            }

            Assert.Equal(0, CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey).ExitCode);
        }

        [Fact]
        public void Should_fail_on_the_signature_when_checked_with_another_key()
        {
            // Given a pack and a key pair that did not sign it
            using var fixture = new CertifiedPack();
            Assert.Equal(0, CliRunner.Run("keys", "generate", "--out", fixture.Temp.File("other")).ExitCode);

            // When verify is given the other public key
            var result = CliRunner.Run("verify", fixture.Pack, "--key", fixture.Temp.File("other/public.pem"));

            // Then the attestation signature and the checkpoint signature fail
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("attestation-signature [attestation.dsse.json]", result.Error, StringComparison.Ordinal);
            Assert.Contains("checkpoint-signature [log-proof.json]", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_fail_on_the_subject_digest_when_another_model_file_is_swapped_in()
        {
            // Given a pack of german_lr, and another real model file
            using var fixture = new CertifiedPack();
            var other = ModelCert.Tests.SharedData.Require("models/adult/adult_lr.onnx");

            // When verify is asked about the other model
            var result = CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey, "--model", other);

            // Then the model digest check fails, naming the model file
            Assert.Equal(5, result.ExitCode);
            Assert.Contains($"model-digest [{other}]", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_fail_when_a_pack_signed_with_another_workspace_key_replaces_the_attestation()
        {
            // Given two packs of the same model from two workspaces (two keys)
            using var fixture = new CertifiedPack();
            var other = fixture.Temp.File("other-pack");
            var elsewhere = CliRunner.Run(["certify", "--model", fixture.Model, "--data", fixture.Data, "--label", "credit_risk", "--protected", "sex", "--replicates", "0", "--workspace", fixture.Temp.File("other-workspace"), "--out", other]);
            Assert.True(elsewhere.ExitCode is 0 or 3 or 4, elsewhere.ToString());

            // When the first pack's attestation is replaced by the second's
            File.Copy(Path.Combine(other, "attestation.dsse.json"), Path.Combine(fixture.Pack, "attestation.dsse.json"), overwrite: true);
            var result = CliRunner.Run("verify", fixture.Pack, "--key", fixture.PublicKey);

            // Then verify fails on that file
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("[attestation.dsse.json]", result.Error, StringComparison.Ordinal);
        }
    }
}
