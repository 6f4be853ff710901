using System.Security.Cryptography;

namespace ModelCert.Evidence;

/// <summary>SHA-256 digests as lowercase hex, the form in manifests, statements and log entries.</summary>
public static class Sha256Digest
{
    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>The digest and length of everything <paramref name="stream"/> yields.</summary>
    public static (string Sha256, long Size) Of(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var size = 0L;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>The digest of a file, streamed.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Of(stream).Sha256;
    }

    /// <summary>Whether <paramref name="value"/> is 64 lowercase hex digits.</summary>
    public static bool IsValid(string? value) => value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
