using System.CommandLine;
using System.Text;
using ModelCert.Core;
using ModelCert.Core.Frames;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert init</c>: writes a commented <c>modelcert.yaml</c> for a model and a dataset, with the model's inputs
/// already matched to the data's columns, so a first certification is one edit away.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var model = CommonOptions.Model();
        var data = CommonOptions.Data();
        var features = CommonOptions.Features();
        var inputMap = CommonOptions.InputMap();
        var label = new Option<string?>("--label") { Description = "The label column." };
        var positive = new Option<string?>("--positive") { Description = "The label value of the positive class." };
        var protectedAttributes = new Option<string[]>("--protected") { Description = "Protected attribute columns, comma-separated." };
        var output = new Option<string>("--out") { Description = "The file to write.", DefaultValueFactory = _ => "modelcert.yaml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a commented modelcert.yaml for a model and dataset.") { model, data, features, inputMap, label, positive, protectedAttributes, output, force };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(output);
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new InputException($"'{path}' exists; pass --force to overwrite it");
            }

            var modelPath = parse.GetRequiredValue(model);
            var dataPath = parse.GetRequiredValue(data);
            var schema = DatasetReader.Describe(dataPath);
            using var session = OnnxSession.Open(modelPath);
            var mapping = CommonOptions.Mapping(parse, features, inputMap, dataPath);
            var bindings = InputMapper.Resolve(session.Inputs, schema, mapping, modelPath);
            var attributes = parse.GetValue(protectedAttributes)?.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];
            var text = Render(path, modelPath, dataPath, session, bindings, schema, parse.GetValue(label), parse.GetValue(positive), attributes);
            using (var file = new AtomicFile(path))
            {
                file.Stream.Write(Encoding.UTF8.GetBytes(text));
                file.Commit();
            }

            console.Out.WriteLine($"wrote {path}: {bindings.Count} model inputs matched; edit it, then run: modelcert certify --config {path}");
            return ExitCode.Success;
        });
        return command;
    }

    private static string Render(
        string outputPath, string modelPath, string dataPath, OnnxSession session, IReadOnlyList<InputBinding> bindings, FrameSchema schema,
        string? label, string? positive, IReadOnlyList<string> attributes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        string Relative(string path) => Path.GetRelativePath(folder, Path.GetFullPath(path));
        var guessedLabel = label ?? schema.Names.FirstOrDefault(n => n is "label" or "target" or "y" or "outcome");
        var text = new StringBuilder();
        text.Append("# ModelCert submission: what to certify and against which policies.\n");
        text.Append("# Check it with: modelcert certify --config modelcert.yaml   (flags override these values)\n");
        text.Append("apiVersion: modelcert/v1\nkind: Submission\n\nmodel:\n");
        text.Append($"  name: {Quote(Path.GetFileNameWithoutExtension(modelPath))}\n");
        text.Append($"  version: {Quote(session.Metadata.Version > 0 ? session.Metadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1")}\n");
        text.Append($"  file: {Quote(Relative(modelPath))}\n");
        text.Append("  threshold: 0.5            # positive when score > threshold\n");
        var packed = bindings.FirstOrDefault(b => b.Match == InputMatch.FeatureList);
        if (packed is not null)
        {
            text.Append($"  features: [{string.Join(", ", packed.Columns.Select(Quote))}]   # columns of input '{packed.Input.Name}', in the model's order\n");
        }

        var renamed = bindings.Where(b => b.Match is InputMatch.NormalizedName or InputMatch.Explicit).ToList();
        text.Append("  # How each model input is fed (matched by name unless listed in input_map):\n");
        foreach (var binding in bindings.Where(b => b.Match != InputMatch.FeatureList))
        {
            text.Append($"  #   {binding.Input.Name} ({InputMapper.Describe(binding.Input)}) <- column '{binding.Columns[0]}' ({binding.Match})\n");
        }

        if (renamed.Count > 0)
        {
            text.Append("  input_map:\n");
            foreach (var binding in renamed)
            {
                text.Append($"    {Quote(binding.Input.Name)}: {Quote(binding.Columns[0])}\n");
            }
        }

        text.Append("\ndata:\n");
        text.Append($"  test: {Quote(Relative(dataPath))}\n");
        text.Append("  # train: path/to/train.csv   # enables the train/test leakage check\n");
        text.Append(guessedLabel is null ? "  label: CHOOSE_LABEL_COLUMN\n" : $"  label: {Quote(guessedLabel)}\n");
        text.Append(positive is null ? "  # positive: \"1\"            # the label value of the positive class\n" : $"  positive: {Quote(positive)}\n");
        text.Append("  # favourable: negative      # when the positive class is the adverse outcome (default, re-arrest); default positive\n");
        text.Append("\nprotected:\n");
        text.Append($"  attributes: [{string.Join(", ", attributes.Select(Quote))}]   # columns such as sex, race, age_group; need not be model inputs\n");
        text.Append("  intersections: true        # also evaluate every pair, e.g. sex|race\n");
        text.Append("\npolicies:\n  - builtin:four-fifths\n  - builtin:baseline\n");
        text.Append("\nevaluation:\n  profile: strict            # strict | fairlearn | aif360\n  replicates: 1000\n  confidence: 0.95\n  seed: 20240601\n");
        text.Append("\noutput:\n  dir: modelcert-results\n  format: table\n");
        text.Append($"\n# Data columns: {string.Join(", ", schema.Names)}\n");
        return text.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
