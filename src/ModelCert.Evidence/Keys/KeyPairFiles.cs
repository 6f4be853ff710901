using System.Text;

using ModelCert.Core;
using ModelCert.Evidence.IO;

namespace ModelCert.Evidence.Keys;

/// <summary>
/// A key pair on disk: <c>private.pem</c> (unencrypted PKCS#8, created with mode 0600 on Unix so it is never
/// readable by others, not even for an instant) and <c>public.pem</c> (SubjectPublicKeyInfo, shared freely).
/// </summary>
public sealed record KeyPairFiles(string PrivateKeyPath, string PublicKeyPath, string KeyId)
{
    /// <summary>The private key's file name in a key folder.</summary>
    public const string PrivateKeyFileName = "private.pem";

    /// <summary>The public key's file name in a key folder (and in a pack).</summary>
    public const string PublicKeyFileName = "public.pem";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The key pair files in <paramref name="folder"/>, whether or not they exist yet.</summary>
    public static (string PrivateKeyPath, string PublicKeyPath) PathsIn(string folder) =>
        (Path.Combine(folder, PrivateKeyFileName), Path.Combine(folder, PublicKeyFileName));

    /// <summary>
    /// Generates a new key pair into <paramref name="folder"/> (created, mode 0700 on Unix, when missing).
    /// An existing private key is never replaced unless <paramref name="overwrite"/> is set: losing it would orphan
    /// every pack and checkpoint it signed.
    /// </summary>
    /// <exception cref="InputException">A key already exists and <paramref name="overwrite"/> is false.</exception>
    public static KeyPairFiles Generate(string folder, bool overwrite = false)
    {
        var (privatePath, publicPath) = PathsIn(Path.GetFullPath(folder));
        if (!overwrite && File.Exists(privatePath))
        {
            throw new InputException($"a private key already exists at '{privatePath}'; keep it, or pass --force to replace it (packs it signed will then need its old public.pem)");
        }

        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }

        using var key = SigningKey.Generate();
        DurableFile.WriteAtomically(privatePath, Encoding.ASCII.GetBytes(key.ToPem()), OwnerOnlyFile, overwrite);
        DurableFile.WriteAtomically(publicPath, Encoding.ASCII.GetBytes(key.PublicKey.ToPem()));
        return new KeyPairFiles(privatePath, publicPath, key.Id);
    }
}
