using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence;

/// <summary>
/// The local folder that holds a user's signing keys and transparency log:
/// <c>keys/private.pem</c>, <c>keys/public.pem</c> and <c>log/</c>. It is, in order of precedence, the folder given
/// explicitly (<c>--workspace</c>), <c>$MODELCERT_HOME</c>, or <c>.modelcert</c> under the current directory.
/// </summary>
public sealed record Workspace(string Root)
{
    /// <summary>The environment variable that moves the default workspace.</summary>
    public const string HomeVariable = "MODELCERT_HOME";

    /// <summary>The workspace folder name under the current directory when nothing else is configured.</summary>
    public const string DefaultFolderName = ".modelcert";

    /// <summary>Where the key pair lives.</summary>
    public string KeysFolder => Path.Combine(Root, "keys");

    /// <summary>The signing key.</summary>
    public string PrivateKeyPath => Path.Combine(KeysFolder, KeyPairFiles.PrivateKeyFileName);

    /// <summary>The public key that verifies the workspace's attestations and checkpoints.</summary>
    public string PublicKeyPath => Path.Combine(KeysFolder, KeyPairFiles.PublicKeyFileName);

    /// <summary>The transparency log folder.</summary>
    public string LogFolder => Path.Combine(Root, "log");

    /// <summary>
    /// The workspace: <paramref name="explicitRoot"/> when given, else <paramref name="home"/> (the value of
    /// <c>$MODELCERT_HOME</c>) when set, else <c>.modelcert</c> under <paramref name="currentDirectory"/>.
    /// Taking the environment as arguments keeps this pure and testable.
    /// </summary>
    public static Workspace Resolve(string? explicitRoot, string? home, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return new Workspace(Path.GetFullPath(explicitRoot, currentDirectory));
        }

        if (!string.IsNullOrWhiteSpace(home))
        {
            return new Workspace(Path.GetFullPath(home, currentDirectory));
        }

        return new Workspace(Path.Combine(Path.GetFullPath(currentDirectory), DefaultFolderName));
    }
}
