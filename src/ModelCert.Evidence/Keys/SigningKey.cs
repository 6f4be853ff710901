using System.Security.Cryptography;

using ModelCert.Core;

namespace ModelCert.Evidence.Keys;

/// <summary>
/// An ECDSA P-256 private key that signs with SHA-256 and emits DER (RFC 3279) signatures. ECDSA P-256 is what
/// .NET ships in the base library on every platform we run on; Ed25519 is not.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa _key;

    private SigningKey(ECDsa key)
    {
        _key = key;
        PublicKey = VerificationKey.FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), "the signing key's public half");
    }

    /// <summary>The matching public key.</summary>
    public VerificationKey PublicKey { get; }

    /// <summary>The key id (see <see cref="KeyId"/>).</summary>
    public string Id => PublicKey.Id;

    /// <summary>A fresh random key.</summary>
    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a PEM private key (PKCS#8 <c>PRIVATE KEY</c> or SEC 1 <c>EC PRIVATE KEY</c>) from a file.</summary>
    /// <exception cref="InputException">The file is missing or is not an unencrypted ECDSA P-256 private key.</exception>
    public static SigningKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"private key file '{path}' does not exist; create one with 'modelcert keys generate'");
        }

        return FromPem(File.ReadAllText(path), path);
    }

    /// <summary>Reads a PEM private key from text; <paramref name="origin"/> names it in messages.</summary>
    public static SigningKey FromPem(string pem, string origin)
    {
        if (!pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new InputException($"'{origin}' holds no private key (expected '-----BEGIN PRIVATE KEY-----'); the signing key is private.pem");
        }

        return new SigningKey(KeyPem.ImportEcdsaP256(pem, origin, "private"));
    }

    /// <summary>The ECDSA P-256/SHA-256 signature of <paramref name="data"/>, DER-encoded.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The private key as unencrypted PKCS#8 PEM, as written to private.pem.</summary>
    public string ToPem() => _key.ExportPkcs8PrivateKeyPem() + "\n";

    public void Dispose()
    {
        PublicKey.Dispose();
        _key.Dispose();
    }
}
