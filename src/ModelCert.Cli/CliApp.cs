using System.CommandLine;
using ModelCert.Cli.Commands;
using ModelCert.Core;

namespace ModelCert.Cli;

/// <summary>
/// The <c>modelcert</c> command tree. Every command writes results to <c>stdout</c> and messages to <c>stderr</c>;
/// user mistakes end as one line on stderr and <see cref="ExitCode.BadInput"/>, never a stack trace.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("ModelCert: certify machine-learning models for high-risk use.")
        {
            ScoreCommand.Create(console),
            DemoCommand.Create(console),
            InfoCommand.Create(console),
            CertifyCommand.Create(console),
            PolicyCommand.Create(console),
            InitCommand.Create(console),
            KeysCommand.Create(console),
            VerifyCommand.Create(console),
            LogCommand.Create(console),
            BatchCommand.Create(console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'modelcert --help' for usage.");
            return ExitCode.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            stderr.WriteLine($"error: {OneLine(ex.Message)}");
            return ExitCode.BadInput;
        }
        catch (Evidence.Log.TransparencyLogException ex)
        {
            stderr.WriteLine($"error: transparency log: {OneLine(ex.Message)}");
            return ExitCode.VerificationFailed;
        }
        catch (NativeEngineException ex)
        {
            stderr.WriteLine($"error: {OneLine(ex.Message)}");
            return ExitCode.InternalError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("error: cancelled");
            return ExitCode.InternalError;
        }
#pragma warning disable CA1031 // The last line of defence: an internal error is reported, not thrown at the user.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"internal error: {OneLine(ex.Message)} ({ex.GetType().Name}); please report it with the command line you ran");
            if (Environment.GetEnvironmentVariable("MODELCERT_DEBUG") == "1")
            {
                stderr.WriteLine(ex);
            }

            return ExitCode.InternalError;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
