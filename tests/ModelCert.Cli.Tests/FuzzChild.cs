using System.Diagnostics;
using System.Globalization;

namespace ModelCert.Cli.Tests;

/// <summary>One mutated model and the <c>score</c> arguments that load it.</summary>
internal sealed record FuzzCase(int Index, string Model, string Description, IReadOnlyList<string> Arguments);

internal sealed record FuzzOutcome(int Index, int Exit, long Rss, string Message);

/// <summary>A case that ended its child process (Index -1: the child died between cases).</summary>
internal sealed record FuzzCrash(int Index, string Text)
{
    public override string ToString() => Text;
}

internal sealed record FuzzRun(List<FuzzOutcome> Outcomes, List<FuzzCrash> Crashes, long PeakMebibytes);

/// <summary>
/// Runs fuzz cases in <c>modelcert batch</c> child processes: when a child dies (a signal, an abort) or a case runs
/// longer than a safety net, the case is recorded as a crash and a new child goes on from the next case.
/// </summary>
internal static class FuzzChild
{
    /// <summary>A safety net against a hung model, not a timing assertion.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    public static FuzzRun Run(TempFolder temp, IReadOnlyList<FuzzCase> cases)
    {
        var outcomes = new List<FuzzOutcome>();
        var crashes = new List<FuzzCrash>();
        long peak = 0;
        var next = 0;
        while (next < cases.Count)
        {
            var batch = temp.File(string.Create(CultureInfo.InvariantCulture, $"batch{next}.txt"));
            File.WriteAllLines(batch, cases.Skip(next).Select(c => string.Join('\t', c.Arguments)));
            var first = next;
            var (exit, lines, stderr, hung) = Launch(temp.Path, batch);
            var current = -1;
            foreach (var line in lines)
            {
                var parts = line.Split(' ', 6);
                if (parts[0] == "start")
                {
                    current = first + int.Parse(parts[1], CultureInfo.InvariantCulture) - 1;
                }
                else if (parts[0] == "done" && parts.Length == 6)
                {
                    var rss = long.Parse(parts[5].Split(':')[0], CultureInfo.InvariantCulture);
                    peak = Math.Max(peak, rss);
                    outcomes.Add(new FuzzOutcome(current, int.Parse(parts[3], CultureInfo.InvariantCulture), rss, parts[5][(parts[5].IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()));
                    current = -1;
                }
            }

            if (current < 0 && exit == 0 && !hung)
            {
                break;
            }

            if (current < 0)
            {
                crashes.Add(new FuzzCrash(-1, string.Create(CultureInfo.InvariantCulture, $"the child ended with exit {exit} between cases: {stderr.Split('\n').FirstOrDefault(l => l.Length > 0)}")));
                break;
            }

            var culprit = current;
            var reason = hung ? "hung" : string.Create(CultureInfo.InvariantCulture, $"exit {exit}");
            crashes.Add(new FuzzCrash(culprit, $"{cases[culprit].Description} ({Path.GetFileName(cases[culprit].Model)}): {reason}: {stderr.Split('\n').FirstOrDefault(l => l.Length > 0)}"));
            next = culprit + 1;
        }

        return new FuzzRun(outcomes, crashes, peak);
    }

    private static (int Exit, List<string> Lines, string Error, bool Hung) Launch(string folder, string batch)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        start.ArgumentList.Add("batch");
        start.ArgumentList.Add(batch);
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var lastLine = Stopwatch.StartNew();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                    lastLine.Restart();
                }
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        var hung = false;
        while (!process.WaitForExit(TimeSpan.FromSeconds(1)))
        {
            lock (lines)
            {
                hung = lastLine.Elapsed > Stuck;
            }

            if (hung)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                break;
            }
        }

        process.WaitForExit();
        lock (lines)
        {
            return (process.ExitCode, [.. lines], stderr.Result, hung);
        }
    }
}
