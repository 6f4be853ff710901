using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert batch FILE</c> (hidden; for crash tests): runs each line of FILE, its arguments separated by tabs, as a
/// modelcert command in this one process. Before each it prints <c>start N</c>, after it <c>done N exit E rss M: first
/// error line of stderr</c> (M = the process's peak resident memory in MiB so far), each line flushed at once. A native crash
/// in ONNX Runtime ends the whole process and no handler can turn it into a message, so the last <c>start</c> line
/// names the command that killed it; the model fuzzing tests load hundreds of mutated models this way.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The commands, one a line, arguments separated by tabs." };
        var command = new Command("batch", "Run the commands in a file in one process (for tests).") { file };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new Core.InputException($"batch file '{path}' does not exist");
            }

            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }

                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {number}"));
                console.Out.Flush();
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var exit = CliApp.Run(line.Split('\t'), stdout, stderr);
                var messages = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var first = messages.FirstOrDefault(l => l.StartsWith("error", StringComparison.Ordinal) || l.StartsWith("internal error", StringComparison.Ordinal))
                    ?? messages.LastOrDefault() ?? string.Empty;
                using var self = Process.GetCurrentProcess();
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {number} exit {exit} rss {self.PeakWorkingSet64 >> 20}: {first}"));
                console.Out.Flush();
            }

            return ExitCode.Success;
        });
        return command;
    }
}
