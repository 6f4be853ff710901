using System.Security.Cryptography;

namespace ModelCert.Evidence.Keys;

/// <summary>
/// Names a public key: the lowercase hex of the first 8 bytes of SHA-256 over its DER SubjectPublicKeyInfo
/// (the bytes inside public.pem), so anyone can recompute it with
/// <c>openssl pkey -pubin -in public.pem -outform DER | sha256sum | cut -c1-16</c>.
/// Its first 4 bytes are also the key ID of the key's checkpoint signatures: signed-note signature type 0x02
/// (ECDSA) uses SHA-256 of the same SubjectPublicKeyInfo, truncated to 4 bytes.
/// </summary>
public static class KeyId
{
    /// <summary>The key id of a public key given as DER SubjectPublicKeyInfo.</summary>
    public static string FromSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 8));

    /// <summary>The 4-byte signed-note key ID (big-endian) of a public key given as DER SubjectPublicKeyInfo.</summary>
    public static byte[] NoteKeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) => SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 4).ToArray();
}
