using System.CommandLine;
using ModelCert.Policy;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert policy</c>: lint a policy file, explain how policies resolve (every threshold and who set it),
/// list and show the built-in packs, and print the JSON Schema editors use.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("policy", "Work with policy files and the built-in packs.");
        command.Subcommands.Add(Lint(console));
        command.Subcommands.Add(Explain(console));
        command.Subcommands.Add(Packs(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Schema(console));
        return command;
    }

    private static Command Lint(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Policy files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lint", "Check policy files; print every problem as file:line:column.") { files };
        command.SetAction(parse =>
        {
            var problems = 0;
            foreach (var file in parse.GetRequiredValue(files))
            {
                var diagnostics = PolicyLinter.Lint(file);
                foreach (var diagnostic in diagnostics)
                {
                    console.Error.WriteLine($"error: {diagnostic}");
                }

                if (diagnostics.Count == 0)
                {
                    console.Out.WriteLine($"{file}: ok");
                }

                problems += diagnostics.Count;
            }

            return problems == 0 ? ExitCode.Success : ExitCode.BadInput;
        });
        return command;
    }

    private static Command Explain(CliConsole console)
    {
        var files = new Argument<string[]>("policies") { Description = "Policy files or builtin:NAME, strictest wins.", Arity = ArgumentArity.OneOrMore };
        var task = new Option<string>("--task") { Description = "binary_classification or regression.", DefaultValueFactory = _ => "binary_classification" };
        var riskTier = new Option<string?>("--risk-tier") { Description = "Risk tier for scope." };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Jurisdiction for scope." };
        var command = new Command("explain", "Show the resolved requirements and where each threshold came from.") { files, task, riskTier, jurisdiction };
        command.SetAction(parse =>
        {
            var context = new SubmissionContext(parse.GetRequiredValue(task), parse.GetValue(riskTier), parse.GetValue(jurisdiction));
            var resolved = PolicyResolver.Resolve(parse.GetRequiredValue(files), context, Directory.GetCurrentDirectory());
            console.Out.Write(PolicyExplainer.Explain(resolved));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Packs(CliConsole console)
    {
        var command = new Command("packs", "List the built-in policy packs.");
        command.SetAction(_ =>
        {
            foreach (var name in BuiltinPacks.Names)
            {
                console.Out.WriteLine($"builtin:{name}");
            }

            return ExitCode.Success;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var name = new Argument<string>("pack") { Description = "A built-in pack, e.g. builtin:four-fifths." };
        var command = new Command("show", "Print a built-in pack's YAML.") { name };
        command.SetAction(parse =>
        {
            var pack = parse.GetRequiredValue(name);
            console.Out.Write(BuiltinPacks.ReadText(pack.StartsWith("builtin:", StringComparison.Ordinal) ? pack["builtin:".Length..] : pack));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Schema(CliConsole console)
    {
        var command = new Command("schema", "Print the policy JSON Schema (for editors' YAML completion and validation).");
        command.SetAction(_ =>
        {
            console.Out.Write(PolicySchema.ReadText());
            return ExitCode.Success;
        });
        return command;
    }
}
