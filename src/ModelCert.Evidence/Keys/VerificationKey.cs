using System.Security.Cryptography;

using ModelCert.Core;

namespace ModelCert.Evidence.Keys;

/// <summary>
/// An ECDSA P-256 public key that checks SHA-256 signatures in the DER (RFC 3279) encoding, the encoding
/// <c>openssl dgst -verify</c> reads, so a pack verified here verifies with standard tools too.
/// </summary>
public sealed class VerificationKey : IDisposable
{
    private readonly ECDsa _key;

    private VerificationKey(ECDsa key, string origin)
    {
        _key = key;
        Origin = origin;
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        Id = KeyId.FromSubjectPublicKeyInfo(SubjectPublicKeyInfo);
        NoteKeyId = KeyId.NoteKeyId(SubjectPublicKeyInfo);
    }

    /// <summary>The key id (see <see cref="KeyId"/>).</summary>
    public string Id { get; }

    /// <summary>Where the key came from (a file path, or a description), for messages.</summary>
    public string Origin { get; }

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>The 4-byte key ID in checkpoint signature lines.</summary>
    internal byte[] NoteKeyId { get; }

    /// <summary>Reads a PEM public key (<c>-----BEGIN PUBLIC KEY-----</c>) from a file.</summary>
    /// <exception cref="InputException">The file is missing or is not an ECDSA P-256 public key.</exception>
    public static VerificationKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"public key file '{path}' does not exist");
        }

        return FromPem(File.ReadAllText(path), path);
    }

    /// <summary>Reads a PEM public key from text; <paramref name="origin"/> names it in messages.</summary>
    /// <exception cref="InputException">The text is not an ECDSA P-256 public key.</exception>
    public static VerificationKey FromPem(string pem, string origin)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new InputException($"'{origin}' holds a private key; give the public key (public.pem) instead");
        }

        return new VerificationKey(KeyPem.ImportEcdsaP256(pem, origin, "public"), origin);
    }

    /// <summary>The key from DER SubjectPublicKeyInfo bytes.</summary>
    internal static VerificationKey FromSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo, string origin)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return new VerificationKey(key, origin);
    }

    /// <summary>The key as PEM text, as written to public.pem.</summary>
    public string ToPem() => _key.ExportSubjectPublicKeyInfoPem() + "\n";

    /// <summary>Whether <paramref name="signature"/> (DER) is this key's ECDSA/SHA-256 signature over <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A signature that is not even well-formed DER is simply not a valid signature.
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
