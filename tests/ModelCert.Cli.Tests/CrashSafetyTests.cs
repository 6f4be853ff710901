using System.Diagnostics;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// certify killed mid-way (the built modelcert.dll in a child process, ended by the MODELCERT_TEST_CRASH_AT hook
/// with Environment.FailFast: no finally blocks, no cleanup) leaves no pack folder and a log that still verifies;
/// the next certification removes the dead run's temporary folder and writes the pack.
/// </summary>
public sealed class CrashSafetyTests
{
    public sealed class KilledCertify
    {
        [Theory]
        [InlineData("after-log-append", false)]
        [InlineData("mid-pack-write", true)]
        public void Should_leave_no_pack_and_a_consistent_log(string point, bool leavesTemporaryFolder)
        {
            // Given a certification that dies at the given point
            using var temp = new TempFolder();
            var pack = temp.File("pack");
            var workspace = temp.File("workspace");
            var (exitCode, stderr) = RunChild(temp.Path, point, pack, workspace);

            // Then it did die there, no pack folder exists, and the log (which got the entry) still verifies
            Assert.True(exitCode != 0, $"the child did not crash at {point}:\n{stderr}");
            Assert.Contains($"MODELCERT_TEST_CRASH_AT={point}", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(pack), $"a pack folder was left after a crash at {point}");
            var temporaries = Directory.GetDirectories(temp.Path, ".pack.*.tmp");
            Assert.Equal(leavesTemporaryFolder, temporaries.Length == 1);
            var log = CliRunner.Run("log", "verify", "--workspace", workspace);
            Assert.True(log.ExitCode == 0, log.ToString());
            Assert.Contains("1 entries", log.Out, StringComparison.Ordinal);

            // When certify runs again, in this process
            var again = CliRunner.Run(Arguments(pack, workspace));

            // Then the dead run's temporary folder is gone, the pack verifies, and the log holds both entries
            Assert.True(again.ExitCode is 0 or 3 or 4, again.ToString());
            Assert.Empty(Directory.GetDirectories(temp.Path, ".pack.*.tmp"));
            Assert.Equal(leavesTemporaryFolder, again.Error.Contains("left by an earlier certification that was interrupted", StringComparison.Ordinal));
            Assert.Equal(0, CliRunner.Run("verify", pack, "--key", Path.Combine(workspace, "keys", "public.pem")).ExitCode);
            Assert.Contains("2 entries", CliRunner.Run("log", "verify", "--workspace", workspace).Out, StringComparison.Ordinal);
        }
    }

    private static string[] Arguments(string pack, string workspace) =>
    [
        "certify", "--model", SharedData.Require("models/german/german_lr.onnx"), "--data", SharedData.Require("datasets/german/test.csv"),
        "--label", "credit_risk", "--protected", "sex", "--policy", "builtin:four-fifths", "--replicates", "0", "--workspace", workspace, "--out", pack,
    ];

    /// <summary>Runs the built CLI (modelcert.dll beside the tests) with the crash hook set; returns its exit code and stderr.</summary>
    private static (int ExitCode, string Error) RunChild(string folder, string point, string pack, string workspace)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var argument in Arguments(pack, workspace))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MODELCERT_TEST_CRASH_AT"] = point;
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            // A safety net against a hung child, not a timing assertion.
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the child certify at {point} neither crashed nor finished");
        }

        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }
}
