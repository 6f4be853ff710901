using System.Text;
using System.Text.Json.Nodes;

using ModelCert.Evidence;
using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.Pack;

using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// <c>keys generate</c>, <c>verify</c> and <c>log verify</c>. Until certify writes packs, a pack is built here through
/// the Evidence API from a tiny results.json and a fake model file, with keys made by the CLI.
/// </summary>
public sealed class EvidenceCommandTests
{
    public sealed class KeysGenerate
    {
        [Fact]
        public void Should_write_a_key_pair_and_print_its_id()
        {
            using var temp = new TempFolder();
            var result = CliRunner.Run("keys", "generate", "--out", temp.File("keys"));

            Assert.True(result.ExitCode == 0, result.ToString());
            using var key = VerificationKey.Load(temp.File("keys/public.pem"));
            Assert.Contains($"key id:      {key.Id}", result.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(temp.File("keys/private.pem")));
        }

        [Fact]
        public void Should_refuse_to_replace_a_key_without_force()
        {
            using var temp = new TempFolder();
            Assert.Equal(0, CliRunner.Run("keys", "generate", "--out", temp.Path).ExitCode);
            var again = CliRunner.Run("keys", "generate", "--out", temp.Path);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
            Assert.Contains("--force", again.Error, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run("keys", "generate", "--out", temp.Path, "--force").ExitCode);
        }
    }

    public sealed class Verify
    {
        [Fact]
        public void Should_exit_0_and_print_every_check_for_an_intact_pack()
        {
            using var workspace = new PackWorkspace();
            var result = CliRunner.Run("verify", workspace.Pack, "--key", workspace.PublicKey, "--model", workspace.Model);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("ok   attestation-signature [attestation.dsse.json]", result.Out, StringComparison.Ordinal);
            Assert.Contains("ok   inclusion-proof [log-proof.json]", result.Out, StringComparison.Ordinal);
            Assert.Contains("ok   model-digest", result.Out, StringComparison.Ordinal);
            Assert.Contains("verified:", result.Out, StringComparison.Ordinal);
            Assert.Equal("", result.Error);
        }

        [Fact]
        public void Should_exit_5_and_list_the_failed_check_and_file_of_a_changed_file()
        {
            using var workspace = new PackWorkspace();
            File.AppendAllText(Path.Combine(workspace.Pack, "results.json"), " ");
            var result = CliRunner.Run("verify", workspace.Pack, "--key", workspace.PublicKey);

            Assert.Equal(5, result.ExitCode);
            Assert.Contains("1 of", result.Error, StringComparison.Ordinal);
            Assert.Contains("file-hash [results.json]", result.Error, StringComparison.Ordinal);
            Assert.Contains("FAIL file-hash [results.json]", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_exit_5_for_another_model_or_another_key()
        {
            using var workspace = new PackWorkspace();
            var otherModel = workspace.Temp.Write("other.onnx", "other model bytes");
            var model = CliRunner.Run("verify", workspace.Pack, "--model", otherModel);
            Assert.Equal(5, model.ExitCode);
            Assert.Contains("model-digest [" + otherModel + "]", model.Error, StringComparison.Ordinal);

            Assert.Equal(0, CliRunner.Run("keys", "generate", "--out", workspace.Temp.File("other-keys")).ExitCode);
            var key = CliRunner.Run("verify", workspace.Pack, "--key", workspace.Temp.File("other-keys/public.pem"));
            Assert.Equal(5, key.ExitCode);
            Assert.Contains("attestation-signature [attestation.dsse.json]", key.Error, StringComparison.Ordinal);
            Assert.Contains("checkpoint-signature [log-proof.json]", key.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_verify_a_zip()
        {
            using var workspace = new PackWorkspace();
            var zip = workspace.Temp.File("pack.zip");
            PackWriter.WriteZip(workspace.Built, zip);
            var result = CliRunner.Run("verify", zip, "--key", workspace.PublicKey, "--model", workspace.Model);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        [Fact]
        public void Should_exit_2_for_a_missing_pack_or_an_unreadable_key()
        {
            using var temp = new TempFolder();
            var missing = CliRunner.Run("verify", temp.File("nope"));
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);

            var key = CliRunner.Run("verify", temp.Path, "--key", temp.Write("bad.pem", "not a key"));
            Assert.Equal(2, key.ExitCode);
            Assert.Contains("bad.pem", key.Error, StringComparison.Ordinal);
        }
    }

    public sealed class LogVerify
    {
        [Fact]
        public void Should_exit_0_for_an_intact_log_and_5_once_it_is_truncated()
        {
            // Given a workspace whose log holds 3 earlier entries and the pack's
            using var workspace = new PackWorkspace();
            var intact = CliRunner.Run("log", "verify", "--workspace", workspace.Root);
            Assert.True(intact.ExitCode == 0, intact.ToString());
            Assert.Contains("4 entries", intact.Out, StringComparison.Ordinal);

            // When the log is cut back to its first 2 entries (header 8 bytes, records are length-prefixed)
            var entries = Path.Combine(workspace.Root, "log", "entries.bin");
            var bytes = File.ReadAllBytes(entries);
            var end = 8;
            for (var i = 0; i < 2; i++)
            {
                end += 4 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(end));
            }

            File.WriteAllBytes(entries, bytes[..end]);

            // Then log verify fails on truncation, naming entries.bin
            var truncated = CliRunner.Run("log", "verify", "--workspace", workspace.Root);
            Assert.Equal(5, truncated.ExitCode);
            Assert.Contains("log-truncated [entries.bin]", truncated.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_use_a_packs_checkpoint_to_catch_truncation_hidden_by_deleted_checkpoints()
        {
            using var workspace = new PackWorkspace();
            var entries = Path.Combine(workspace.Root, "log", "entries.bin");
            File.WriteAllBytes(entries, File.ReadAllBytes(entries)[..8]);
            Directory.Delete(Path.Combine(workspace.Root, "log", "checkpoints"), recursive: true);

            Assert.Equal(0, CliRunner.Run("log", "verify", "--workspace", workspace.Root).ExitCode);
            var result = CliRunner.Run("log", "verify", "--workspace", workspace.Root, "--checkpoint", Path.Combine(workspace.Pack, "log-proof.json"));
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("log-truncated", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_exit_2_when_there_is_no_log()
        {
            using var temp = new TempFolder();
            Assert.Equal(0, CliRunner.Run("keys", "generate", "--out", temp.File("ws/keys")).ExitCode);
            var result = CliRunner.Run("log", "verify", "--workspace", temp.File("ws"));
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("no transparency log", result.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>A workspace with keys made by <c>keys generate</c>, a log, and a pack written from it.</summary>
    private sealed class PackWorkspace : IDisposable
    {
        public PackWorkspace()
        {
            Root = Temp.File("workspace");
            var generated = CliRunner.Run("keys", "generate", "--out", Path.Combine(Root, "keys"));
            Assert.True(generated.ExitCode == 0, generated.ToString());
            var workspace = new Workspace(Root);
            PublicKey = workspace.PublicKeyPath;
            Model = Temp.Write("model.onnx", "fake onnx bytes");
            var data = Temp.Write("loans.csv", "id,approved\n1,1\n");

            using var key = SigningKey.Load(workspace.PrivateKeyPath);
            var log = TransparencyLog.Open(workspace.LogFolder, key);
            for (var i = 0; i < 3; i++)
            {
                log.Append(Encoding.UTF8.GetBytes($"{{\"kind\":\"earlier\",\"n\":{i}}}"));
            }

            var statement = InTotoStatement.ForCertification(StatementSubject.ForFile(Model), [StatementSubject.ForFile(data)], new JsonObject { ["verdict"] = "certified" });
            var files = new Dictionary<string, byte[]> { ["results.json"] = "{\"schema\":\"modelcert/results/v1\",\"verdict\":\"certified\"}\n"u8.ToArray() };
            Built = new EvidencePackBuilder(key, log, TimeProvider.System).Build(statement, files, PackMetadata.ForTool("0.1.0"));
            Pack = Temp.File("pack");
            PackWriter.WriteFolder(Built, Pack);
        }

        public TempFolder Temp { get; } = new();

        public string Root { get; }

        public string PublicKey { get; }

        public string Model { get; }

        public string Pack { get; }

        public EvidencePack Built { get; }

        public void Dispose() => Temp.Dispose();
    }
}
