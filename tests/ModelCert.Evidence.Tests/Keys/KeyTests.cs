using System.Security.Cryptography;

using ModelCert.Core;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Tests.Support;

using Xunit;

namespace ModelCert.Evidence.Tests.Keys;

public sealed class KeyTests
{
    public sealed class Generate
    {
        [Fact]
        public void Should_write_a_pem_pair_that_loads_back_with_the_same_key_id()
        {
            // Given an empty folder / When a key pair is generated into a new sub-folder
            using var temp = new TempFolder();
            var files = KeyPairFiles.Generate(temp.File("keys"));

            // Then both files are PEM, and loading them gives the same key
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(files.PrivateKeyPath), StringComparison.Ordinal);
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(files.PublicKeyPath), StringComparison.Ordinal);
            using var signing = SigningKey.Load(files.PrivateKeyPath);
            using var verification = VerificationKey.Load(files.PublicKeyPath);
            Assert.Equal(files.KeyId, signing.Id);
            Assert.Equal(files.KeyId, verification.Id);
        }

        [Fact]
        public void Should_create_the_private_key_readable_by_its_owner_only()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("Unix file modes do not apply on Windows");
                return;
            }

            using var temp = new TempFolder();
            var files = KeyPairFiles.Generate(temp.File("keys"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.PrivateKeyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(temp.File("keys")));
        }

        [Fact]
        public void Should_never_replace_an_existing_private_key_unless_told()
        {
            // Given a key pair / When another is generated into the same folder
            using var temp = new TempFolder();
            var first = KeyPairFiles.Generate(temp.Path);
            var error = Assert.Throws<InputException>(() => KeyPairFiles.Generate(temp.Path));

            // Then it is refused and the key is unchanged; with overwrite it is replaced
            Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
            Assert.Equal(first.KeyId, SigningKeyId(first.PrivateKeyPath));
            var second = KeyPairFiles.Generate(temp.Path, overwrite: true);
            Assert.NotEqual(first.KeyId, second.KeyId);
            Assert.Equal(second.KeyId, SigningKeyId(second.PrivateKeyPath));
        }

        private static string SigningKeyId(string path)
        {
            using var key = SigningKey.Load(path);
            return key.Id;
        }
    }

    public sealed class Id
    {
        [Fact]
        public void Should_be_the_first_8_bytes_of_sha256_of_the_subject_public_key_info()
        {
            // Given a key / When its id is computed independently from the public.pem DER
            using var key = SigningKey.Generate();
            var der = PemEncoding.Find(key.PublicKey.ToPem()) is var fields ? Convert.FromBase64String(key.PublicKey.ToPem()[fields.Base64Data]) : [];

            // Then it matches
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(der))[..16], key.Id);
            Assert.Equal(SHA256.HashData(der).AsSpan(0, 4).ToArray(), key.PublicKey.NoteKeyId);
        }
    }

    public sealed class Load
    {
        [Fact]
        public void Should_name_a_missing_file()
        {
            var error = Assert.Throws<InputException>(() => SigningKey.Load("no-such-dir/private.pem"));
            Assert.Contains("no-such-dir/private.pem", error.Message, StringComparison.Ordinal);
            Assert.Contains("modelcert keys generate", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_key_on_another_curve()
        {
            using var temp = new TempFolder();
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            var path = temp.Write("p384.pem", p384.ExportSubjectPublicKeyInfoPem());
            var error = Assert.Throws<InputException>(() => VerificationKey.Load(path));
            Assert.Contains("NIST P-256", error.Message, StringComparison.Ordinal);
            Assert.Contains("p384.pem", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_text_that_is_not_a_key_and_a_private_key_given_as_public()
        {
            using var temp = new TempFolder();
            var garbage = temp.Write("garbage.pem", "hello\n");
            Assert.Contains("garbage.pem", Assert.Throws<InputException>(() => VerificationKey.Load(garbage)).Message, StringComparison.Ordinal);
            Assert.Contains("garbage.pem", Assert.Throws<InputException>(() => SigningKey.Load(garbage)).Message, StringComparison.Ordinal);

            using var key = SigningKey.Generate();
            var privatePem = temp.Write("private.pem", key.ToPem());
            Assert.Contains("private key", Assert.Throws<InputException>(() => VerificationKey.Load(privatePem)).Message, StringComparison.Ordinal);
            var publicPem = temp.Write("public.pem", key.PublicKey.ToPem());
            Assert.Contains("no private key", Assert.Throws<InputException>(() => SigningKey.Load(publicPem)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_read_an_sec1_ec_private_key_as_openssl_writes_it()
        {
            using var temp = new TempFolder();
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var path = temp.Write("ec.pem", ecdsa.ExportECPrivateKeyPem());
            using var key = SigningKey.Load(path);
            Assert.Equal(KeyId.FromSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo()), key.Id);
        }
    }

    public sealed class Sign
    {
        [Fact]
        public void Should_verify_with_its_public_key_only_and_only_for_the_same_data()
        {
            using var key = SigningKey.Generate();
            using var other = SigningKey.Generate();
            var signature = key.Sign("data"u8);

            Assert.True(key.PublicKey.Verify("data"u8, signature));
            Assert.False(key.PublicKey.Verify("date"u8, signature));
            Assert.False(other.PublicKey.Verify("data"u8, signature));
            Assert.False(key.PublicKey.Verify("data"u8, signature.AsSpan(0, signature.Length - 1)));
            Assert.False(key.PublicKey.Verify("data"u8, [0x30, 0x00]));
        }

        [Fact]
        public void Should_emit_a_der_sequence()
        {
            using var key = SigningKey.Generate();
            var signature = key.Sign("data"u8);
            Assert.Equal(0x30, signature[0]);
            Assert.Equal(signature.Length - 2, signature[1]);
        }
    }
}
