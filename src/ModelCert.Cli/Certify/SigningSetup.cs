using ModelCert.Cli.Commands;
using ModelCert.Core;
using ModelCert.Evidence;
using ModelCert.Evidence.Keys;

namespace ModelCert.Cli.Certify;

/// <summary>
/// The key that signs a pack: <c>--key PRIVATE.pem</c>, else the workspace's <c>keys/private.pem</c>. A workspace
/// without a key gets one generated (mode 0600), with a status line saying so, so a first <c>certify</c> or
/// <c>demo</c> just works; two certifications racing to create it end up with the same key.
/// </summary>
internal static class SigningSetup
{
    public static SigningKey Load(PackOptions options, Workspace workspace, Action<string> status)
    {
        if (options.KeyPath is { } path)
        {
            return SigningKey.Load(Path.GetFullPath(path));
        }

        if (!File.Exists(workspace.PrivateKeyPath))
        {
            try
            {
                var created = KeyPairFiles.Generate(workspace.KeysFolder);
                status($"no signing key in workspace {workspace.Root}; generated one (key id {created.KeyId}). Keep keys/private.pem secret; give keys/public.pem to whoever verifies your packs");
            }
            catch (Exception ex) when ((ex is IOException or InputException) && File.Exists(workspace.PrivateKeyPath))
            {
                // Another certification created the key at the same moment; use theirs.
            }
        }

        return SigningKey.Load(workspace.PrivateKeyPath);
    }

    public static Workspace Workspace(PackOptions options) => CommonOptions.Workspace(options.Workspace);
}
