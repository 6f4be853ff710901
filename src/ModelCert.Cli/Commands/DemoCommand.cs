using System.CommandLine;
using ModelCert.Cli.Certify;
using ModelCert.Cli.Demo;
using Spectre.Console;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert demo</c>: makes a synthetic loan dataset with a deliberate bias and two small ONNX models, then
/// certifies both against <c>builtin:four-fifths</c> through ONNX Runtime and DuckDB: the model that leans on a
/// proxy for sex is rejected with the fairness reason, the one that does not is certified. Each certification writes a
/// signed evidence pack, with the key and transparency log in the demo folder's own workspace. Nothing is downloaded.
/// </summary>
internal static class DemoCommand
{
    private const int Rows = 5000;

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for the demo's data, models and results.",
            DefaultValueFactory = _ => "modelcert-demo",
        };
        var command = new Command("demo", "Certify a self-made biased and a compliant loan model against the four-fifths rule.") { output };
        command.SetAction(parse => Run(parse.GetRequiredValue(output), console));
        return command;
    }

    private static int Run(string folder, CliConsole console)
    {
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "loans.csv");
        var biased = Path.Combine(folder, "loan-model-biased.onnx");
        var compliant = Path.Combine(folder, "loan-model-compliant.onnx");
        LoanSample.Write(data, Rows);
        DemoModels.WriteBiased(biased);
        DemoModels.WriteCompliant(compliant);
        console.Error.WriteLine($"demo: wrote {Rows:N0} synthetic loan applications and two ONNX models to {folder}");

        var terminal = console.CreateTerminal();
        var outcomes = new List<int>();
        foreach (var (model, title) in new[] { (biased, "a model that leans on postcode_risk, a proxy for sex"), (compliant, "the same model without the proxy") })
        {
            terminal.WriteLine();
            terminal.MarkupLine($"[bold]Certifying {Markup.Escape(Path.GetFileName(model))}[/]: {Markup.Escape(title)}");
            var submission = new Submission
            {
                ModelPath = Path.GetFullPath(model),
                ModelVersion = "1",
                DataPath = Path.GetFullPath(data),
                LabelColumn = LoanSample.Label,
                Protected = ["sex"],
                Policies = ["builtin:four-fifths"],
                OutputDirectory = Path.GetFullPath(Path.Combine(folder, Path.GetFileNameWithoutExtension(model))),
            };
            outcomes.Add(CertifyRunner.Run(submission, console, new PackOptions(Workspace: Path.GetFullPath(Path.Combine(folder, "workspace")))));
        }

        var expected = outcomes is [ExitCode.Rejected, ExitCode.Success];
        terminal.WriteLine();
        terminal.MarkupLine(expected
            ? $"[green]demo: as expected, the proxy model is rejected and the compliant model is certified.[/] Each model's folder is a signed evidence pack; check one with: modelcert verify {Markup.Escape(Path.Combine(folder, "loan-model-compliant"))}"
            : "[red]demo: the verdicts were not the expected rejected / certified pair.[/]");
        return expected ? ExitCode.Success : ExitCode.InternalError;
    }
}
