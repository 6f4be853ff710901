using System.CommandLine;

using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert log verify [--workspace DIR] [--key pub.pem] [--checkpoint FILE]...</c>: checks the workspace's
/// transparency log against every checkpoint it signed (and any kept elsewhere, such as a pack's log-proof.json);
/// exit 0 when it holds, otherwise <see cref="ExitCode.VerificationFailed"/>.
/// </summary>
internal static class LogCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("log", "Work with the local transparency log.");
        command.Subcommands.Add(Verify(console));
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var workspace = CommonOptions.WorkspaceFolder("whose log to verify");
        var key = new Option<string?>("--key") { Description = "The public key of the checkpoints (default: the workspace's keys/public.pem)." };
        var checkpoints = new Option<string[]>("--checkpoint") { Description = "A checkpoint kept elsewhere (a note, or a pack's log-proof.json) that the log must still agree with; repeatable." };
        var command = new Command("verify", "Verify the log: checkpoint signatures, roots, and consistency between checkpoints.") { workspace, key, checkpoints };
        command.SetAction(parse =>
        {
            var root = CommonOptions.Workspace(parse.GetValue(workspace));
            using var publicKey = VerificationKey.Load(parse.GetValue(key) ?? root.PublicKeyPath);
            var external = (parse.GetValue(checkpoints) ?? []).Select(LogVerifier.ReadCheckpoint).ToList();
            var report = LogVerifier.Verify(root.LogFolder, publicKey, external);
            return VerifyCommand.Print(console, report, $"transparency log '{root.LogFolder}'");
        });
        return command;
    }
}
