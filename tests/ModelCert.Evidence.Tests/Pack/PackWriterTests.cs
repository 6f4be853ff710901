using System.Text;

using ModelCert.Core;
using ModelCert.Evidence.Pack;
using ModelCert.Evidence.Tests.Support;

using Xunit;

namespace ModelCert.Evidence.Tests.Pack;

public sealed class PackWriterTests
{
    private static readonly Dictionary<string, byte[]> Files = new()
    {
        ["a.json"] = "{}\n"u8.ToArray(),
        ["b/c.txt"] = "c\n"u8.ToArray(),
        ["d.txt"] = "d\n"u8.ToArray(),
    };

    public sealed class Folder
    {
        [Fact]
        public void Should_leave_nothing_when_writing_fails_midway()
        {
            // Given a writer that fails after the second file / When it writes a pack
            using var temp = new TempFolder();
            var target = temp.File("out/pack");
            var written = 0;
            Assert.Throws<IOException>(() => PackWriter.WriteFolder(Files, target, overwrite: false, _ =>
            {
                if (++written == 2)
                {
                    throw new IOException("disk full (simulated)");
                }
            }));

            // Then there is no pack and no temporary folder beside where it would be
            Assert.False(Directory.Exists(target));
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp.File("out")));
        }

        [Fact]
        public void Should_write_every_file_and_refuse_an_existing_target_unless_overwriting()
        {
            using var temp = new TempFolder();
            var target = temp.File("pack");
            PackWriter.WriteFolder(Files, target);
            Assert.Equal("c\n", File.ReadAllText(Path.Combine(target, "b", "c.txt")));

            Assert.Contains("already exists", Assert.Throws<InputException>(() => PackWriter.WriteFolder(Files, target)).Message, StringComparison.Ordinal);
            PackWriter.WriteFolder(new Dictionary<string, byte[]> { ["only.txt"] = [1] }, target, overwrite: true);
            Assert.Equal(["only.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
            Assert.Equal(["pack"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
        }

        [Fact]
        public void Should_keep_an_existing_pack_when_its_replacement_fails()
        {
            using var temp = new TempFolder();
            var target = temp.File("pack");
            PackWriter.WriteFolder(Files, target);
            Assert.Throws<IOException>(() => PackWriter.WriteFolder(new Dictionary<string, byte[]> { ["x"] = [1] }, target, overwrite: true, _ => throw new IOException("simulated")));
            Assert.Equal("{}\n", File.ReadAllText(Path.Combine(target, "a.json")));
            Assert.Equal(["pack"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
        }
    }

    public sealed class Zip
    {
        [Fact]
        public void Should_write_the_same_bytes_for_the_same_pack()
        {
            using var temp = new TempFolder();
            PackWriter.WriteZip(Files, temp.File("1.zip"), FixedTime.Default);
            PackWriter.WriteZip(Files, temp.File("2.zip"), FixedTime.Default);
            Assert.Equal(File.ReadAllBytes(temp.File("1.zip")), File.ReadAllBytes(temp.File("2.zip")));
            Assert.Throws<InputException>(() => PackWriter.WriteZip(Files, temp.File("1.zip"), FixedTime.Default));
            Assert.Equal(["1.zip", "2.zip"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    public sealed class Builder
    {
        [Fact]
        public void Should_refuse_reserved_invalid_and_clashing_paths()
        {
            using var fixture = new PackFixture(earlierEntries: 0);
            var builder = new EvidencePackBuilder(fixture.Key, fixture.Log, new FixedTime());
            var statement = Evidence.Attestation.InTotoStatement.ForCertification(new("m", Sha256Digest.Of("m"u8)), [], new System.Text.Json.Nodes.JsonObject());
            foreach (var path in new[] { "manifest.json", "public.pem", "../x", "/abs", "a\\b", "a//b", "" })
            {
                Assert.Throws<ArgumentException>(() => builder.Build(statement, new Dictionary<string, byte[]> { [path] = [1] }, PackMetadata.ForTool("0")));
            }

            Assert.Throws<ArgumentException>(() => builder.Build(statement, new Dictionary<string, byte[]> { ["a"] = [1], ["a/b"] = [2] }, PackMetadata.ForTool("0")));
        }

        [Fact]
        public void Should_log_an_entry_that_records_the_manifest_and_prove_it()
        {
            // Given a log with 2 earlier entries / When a pack is built
            using var fixture = new PackFixture(earlierEntries: 2);
            var pack = fixture.Pack;

            // Then the pack is entry 2 of 3, and the entry records the manifest and attestation digests
            Assert.Equal(2, pack.LogEntry.Index);
            var entry = PackLogEntry.Parse(fixture.Log.ReadEntry(2), out _)!;
            Assert.Equal(Sha256Digest.Of(pack.Files["manifest.json"]), entry.ManifestSha256);
            Assert.Equal(Sha256Digest.Of(pack.Files["attestation.dsse.json"]), entry.AttestationSha256);
            Assert.Equal(("loan.onnx", Sha256Digest.OfFile(fixture.ModelPath)), (entry.ModelName, entry.ModelSha256));
            var proof = LogProof.Parse(pack.Files["log-proof.json"], out _)!;
            Assert.Equal((2L, 3L), (proof.LeafIndex, proof.TreeSize));
            Assert.Equal(fixture.Log.ReadEntry(2), proof.Entry);
            Assert.True(Evidence.Log.LogVerifier.Verify(fixture.Log.Folder, fixture.Key.PublicKey).Holds);
        }
    }

    public sealed class Manifest
    {
        [Fact]
        public void Should_hold_the_metadata_and_the_injected_time_and_read_back_equal()
        {
            using var fixture = new PackFixture();
            var json = Encoding.UTF8.GetString(fixture.Pack.Files["manifest.json"]);
            Assert.Contains("\"created_at\": \"2026-03-14T15:09:26Z\"", json, StringComparison.Ordinal);
            Assert.Contains("\"duckdb\": \"1.5.6\"", json, StringComparison.Ordinal);
            Assert.Contains("\"bootstrap\": 42", json, StringComparison.Ordinal);
            Assert.Contains("\"started_at\": \"2026-03-14T15:08:26Z\"", json, StringComparison.Ordinal);
            Assert.Contains("\"tool_version\": \"0.1.0\"", json, StringComparison.Ordinal);

            var parsed = PackManifest.Parse(fixture.Pack.Files["manifest.json"], out var error)!;
            Assert.Null(error);
            Assert.Equal(fixture.Pack.Files["manifest.json"], parsed.ToJson());
        }

        [Theory]
        [InlineData("\"path\": \"results.json\"", "\"path\": \"../results.json\"", "'..' segment")]
        [InlineData("\"schema\": \"modelcert/manifest/v1\"", "\"schema\": \"modelcert/manifest/v2\"", "expected 'modelcert/manifest/v1'")]
        [InlineData("\"created_at\": \"2026-03-14T15:09:26Z\"", "\"created_at\": \"yesterday\"", "not a UTC timestamp")]
        [InlineData("\"bootstrap\": 42", "\"bootstrap\": -1", "integer from 0 to")]
        public void Should_refuse_a_malformed_manifest(string find, string replace, string expected)
        {
            using var fixture = new PackFixture();
            var json = Encoding.UTF8.GetString(fixture.Pack.Files["manifest.json"]).Replace(find, replace, StringComparison.Ordinal);
            Assert.Null(PackManifest.Parse(Encoding.UTF8.GetBytes(json), out var error));
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }
}
