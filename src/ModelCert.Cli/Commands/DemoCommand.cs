using System.CommandLine;
using System.Globalization;
using ModelCert.Cli.Demo;
using ModelCert.Core.Frames;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;
using Spectre.Console;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert demo</c>: makes a synthetic loan dataset with a deliberate bias and two small ONNX models, scores
/// both through ONNX Runtime and DuckDB, and shows approval rates by group with the four-fifths ratio.
/// Nothing is downloaded and nothing comes from outside the repository.
/// </summary>
internal static class DemoCommand
{
    private const int Rows = 5000;

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for the demo's data, models and scores.",
            DefaultValueFactory = _ => "modelcert-demo",
        };
        var command = new Command("demo", "Score a self-made biased and compliant loan model and compare approval rates by group.") { output };
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

        var frame = DatasetReader.ReadAll(data);
        var terminal = console.CreateTerminal();
        foreach (var model in new[] { biased, compliant })
        {
            var approved = Score(model, data, frame);
            Show(terminal, Path.GetFileName(model), frame, approved, "sex");
        }

        terminal.MarkupLine("The four-fifths rule asks every group's approval rate to be at least 0.8 of the highest group's.");
        return ExitCode.Success;
    }

    private static bool[] Score(string model, string data, Frame frame)
    {
        using var session = OnnxSession.Open(model);
        var bindings = InputMapper.Resolve(session.Inputs, frame.Schema, new InputMappingOptions { DataOrigin = data }, model);
        using var scorer = new ModelScorer(session, bindings, data);
        return [.. scorer.Score(frame, 0).SelectMany(b => b.Scores).Select(s => s > 0.5)];
    }

    private static void Show(IAnsiConsole terminal, string model, Frame frame, bool[] approved, string attribute)
    {
        var groups = (StringColumn)frame[attribute];
        var rates = groups.Dictionary.Values
            .Select((name, code) => (Name: name, Rows: Enumerable.Range(0, frame.RowCount).Where(r => groups.Codes[r] == code).ToList()))
            .Select(g => (g.Name, Count: g.Rows.Count, Rate: g.Rows.Count(r => approved[r]) / (double)g.Rows.Count))
            .ToList();
        var ratio = rates.Min(r => r.Rate) / rates.Max(r => r.Rate);
        var table = new Table().Title($"[bold]{Markup.Escape(model)}[/]: approval rate by {attribute}")
            .AddColumn("group").AddColumn(new TableColumn("applicants").RightAligned()).AddColumn(new TableColumn("approved").RightAligned());
        foreach (var (name, count, rate) in rates)
        {
            table.AddRow(Markup.Escape(name), count.ToString("N0", CultureInfo.InvariantCulture), rate.ToString("P1", CultureInfo.InvariantCulture));
        }

        terminal.Write(table);
        var verdict = ratio >= 0.8 ? "[green]meets[/]" : "[red]fails[/]";
        terminal.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"selection-rate ratio {ratio:0.000}: {verdict} the four-fifths rule"));
        terminal.WriteLine();
    }
}
