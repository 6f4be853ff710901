namespace ModelCert.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it printed.</summary>
internal static class CliRunner
{
    /// <summary>
    /// certify signs every pack with the workspace's key and appends to its log: the tests share one throwaway
    /// workspace (removed when the run ends), never the user's or the working directory's.
    /// </summary>
    static CliRunner()
    {
        if (Environment.GetEnvironmentVariable(Evidence.Workspace.HomeVariable) is null)
        {
            var workspace = Directory.CreateTempSubdirectory("modelcert-test-workspace-").FullName;
            Environment.SetEnvironmentVariable(Evidence.Workspace.HomeVariable, workspace);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(workspace, recursive: true);
        }
    }

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("modelcert-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
