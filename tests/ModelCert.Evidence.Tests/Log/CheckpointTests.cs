using System.Security.Cryptography;
using System.Text;

using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;

using Xunit;

namespace ModelCert.Evidence.Tests.Log;

public sealed class CheckpointTests
{
    private static readonly byte[] Root = SHA256.HashData("root"u8);

    public sealed class Sign
    {
        [Fact]
        public void Should_write_the_checkpoint_text_a_blank_line_and_one_em_dash_signature_line()
        {
            // Given a checkpoint / When it is signed
            using var key = SigningKey.Generate();
            var note = new Checkpoint("example.org/log", 42, Root).Sign(key);

            // Then the note is origin, size, base64 root, blank line, "— origin base64(keyid4 || DER signature)"
            var lines = note.Split('\n');
            Assert.Equal(["example.org/log", "42", Convert.ToBase64String(Root), "", lines[4], ""], lines);
            Assert.StartsWith("\u2014 example.org/log ", lines[4], StringComparison.Ordinal);
            var signature = Convert.FromBase64String(lines[4].Split(' ')[2]);
            Assert.Equal(key.PublicKey.NoteKeyId, signature[..4]);
            Assert.True(key.PublicKey.Verify(Encoding.UTF8.GetBytes("example.org/log\n42\n" + Convert.ToBase64String(Root) + "\n"), signature.AsSpan(4)));
        }
    }

    public sealed class Open
    {
        [Fact]
        public void Should_return_the_checkpoint_signed_by_the_key()
        {
            using var key = SigningKey.Generate();
            var checkpoint = new Checkpoint("example.org/log", 7, Root);
            Assert.Equal(checkpoint, Checkpoint.Open(checkpoint.Sign(key), key.PublicKey, out var error));
            Assert.Null(error);
        }

        [Fact]
        public void Should_reject_another_key_a_changed_size_root_or_origin_and_a_broken_format()
        {
            using var key = SigningKey.Generate();
            using var other = SigningKey.Generate();
            var note = new Checkpoint("example.org/log", 7, Root).Sign(key);

            AssertRejected(note, other.PublicKey, "no signature by key");
            AssertRejected(note.Replace("\n7\n", "\n8\n", StringComparison.Ordinal), key.PublicKey, "does not verify");
            AssertRejected(note.Replace("example.org/log\n", "example.org/lag\n", StringComparison.Ordinal), key.PublicKey, "no signature by key");
            AssertRejected(note.Replace(Convert.ToBase64String(Root), Convert.ToBase64String(SHA256.HashData("other"u8)), StringComparison.Ordinal), key.PublicKey, "does not verify");
            AssertRejected(note.Replace("\n\n", "\n", StringComparison.Ordinal), key.PublicKey, "not a signed note");
            AssertRejected(note.Replace("\u2014", "--", StringComparison.Ordinal), key.PublicKey, "malformed signature line");
            AssertRejected(note.Replace("\n7\n", "\n07\n", StringComparison.Ordinal), key.PublicKey, "not a decimal number");
            AssertRejected(note.Replace("\n7\n", "\n7\r\n", StringComparison.Ordinal), key.PublicKey, "control character");
        }

        [Fact]
        public void Should_ignore_signatures_by_unknown_keys_beside_the_known_one()
        {
            using var key = SigningKey.Generate();
            using var witness = SigningKey.Generate();
            var checkpoint = new Checkpoint("example.org/log", 7, Root);
            var cosigned = checkpoint.Sign(key) + SignedNote.Sign(checkpoint.ToText(), "witness.example", witness).Split("\n\n")[1];
            Assert.Equal(checkpoint, Checkpoint.Open(cosigned, key.PublicKey, out _));
            Assert.Equal(checkpoint.ToText(), SignedNote.Open(cosigned, "witness.example", witness.PublicKey, out _));
        }

        private static void AssertRejected(string note, VerificationKey key, string expected)
        {
            Assert.Null(Checkpoint.Open(note, key, out var error));
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }
}
