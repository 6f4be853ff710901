using System.CommandLine;
using System.Reflection;

namespace ModelCert.Cli.Commands;

/// <summary><c>modelcert version</c>: the tool's version and the native engines it runs on.</summary>
internal static class InfoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("version", "Show the ModelCert version and the native engine versions.");
        command.SetAction(_ =>
        {
            var version = typeof(InfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            console.Out.WriteLine($"modelcert {version.Split('+')[0]}");
            console.Out.WriteLine($"ONNX Runtime {Runtime.OnnxSession.RuntimeVersion}");
            console.Out.WriteLine($"DuckDB {Data.DuckDbDatabase.LibraryVersion}");
            return ExitCode.Success;
        });
        return command;
    }
}
