using System.CommandLine;

using ModelCert.Evidence;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Pack;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert verify PACK [--key pub.pem] [--model M.onnx] [--log-key pub.pem]</c>: checks an evidence pack offline
/// and prints every check; exit 0 when all hold, otherwise <see cref="ExitCode.VerificationFailed"/> with the failed
/// checks, each naming its file, on stderr.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = new Argument<string>("pack") { Description = "The evidence pack: a folder or a .zip." };
        var key = new Option<string?>("--key") { Description = "The signer's public key (PEM). Without it, the pack's own public.pem is used: that shows the pack is intact, not who made it." };
        var model = new Option<string?>("--model") { Description = "The model file; its SHA-256 must be the statement's subject." };
        var logKey = new Option<string?>("--log-key") { Description = "The public key of the log's checkpoints, when not the signer's." };
        var command = new Command("verify", "Verify an evidence pack offline: file hashes, signature, model digest, log inclusion.") { pack, key, model, logKey };
        command.SetAction(parse =>
        {
            using var signer = LoadKey(parse.GetValue(key));
            using var logSigner = LoadKey(parse.GetValue(logKey));
            var path = parse.GetRequiredValue(pack);
            var report = PackVerifier.Verify(path, signer, parse.GetValue(model), logSigner);
            return Print(console, report, $"evidence pack '{path}'");
        });
        return command;
    }

    internal static VerificationKey? LoadKey(string? path) => path is null ? null : VerificationKey.Load(path);

    /// <summary>Prints every check on stdout and, when some failed, the failures on stderr.</summary>
    internal static int Print(CliConsole console, VerificationReport report, string subject)
    {
        foreach (var check in report.Checks)
        {
            console.Out.WriteLine(check);
        }

        if (report.Holds)
        {
            console.Out.WriteLine($"verified: {subject} holds ({report.Checks.Count(c => c.Outcome == CheckOutcome.Passed)} checks passed)");
            return ExitCode.Success;
        }

        var failures = report.Failures;
        console.Error.WriteLine($"error: {subject} does not hold: {failures.Count} of {report.Checks.Count} checks failed");
        foreach (var failure in failures)
        {
            console.Error.WriteLine($"  {failure.Name}{(failure.File is null ? "" : $" [{failure.File}]")}: {failure.Message}");
        }

        return ExitCode.VerificationFailed;
    }
}
