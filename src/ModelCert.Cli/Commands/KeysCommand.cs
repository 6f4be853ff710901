using System.CommandLine;

using ModelCert.Evidence.Keys;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert keys generate [--out DIR] [--force]</c>: a new ECDSA P-256 signing key pair as PEM. Without
/// <c>--out</c> the pair goes to the workspace: <c>$MODELCERT_HOME/keys</c>, or <c>.modelcert/keys</c> under the
/// current directory. The private key is created readable by its owner only and never silently replaced.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("keys", "Manage the signing keys of evidence packs and the transparency log.");
        command.Subcommands.Add(Generate(console));
        return command;
    }

    private static Command Generate(CliConsole console)
    {
        var output = new Option<string?>("--out") { Description = "Folder for private.pem and public.pem (default: the workspace's keys folder, $MODELCERT_HOME/keys or ./.modelcert/keys)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing key pair (packs it signed then need its old public.pem to verify)." };
        var command = new Command("generate", "Generate an ECDSA P-256 key pair (PEM).") { output, force };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output) ?? CommonOptions.Workspace().KeysFolder;
            var files = KeyPairFiles.Generate(folder, parse.GetValue(force));
            console.Out.WriteLine($"key id:      {files.KeyId}");
            console.Out.WriteLine($"private key: {files.PrivateKeyPath} (keep it secret; readable by you only)");
            console.Out.WriteLine($"public key:  {files.PublicKeyPath} (give it to whoever verifies your packs)");
            return ExitCode.Success;
        });
        return command;
    }
}
