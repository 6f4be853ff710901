using System.CommandLine;
using ModelCert.Cli.Certify;
using ModelCert.Core;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Commands;

/// <summary>
/// <c>modelcert certify</c>: certifies a model (or a predictions file) against policies, from flags or a
/// <c>modelcert.yaml</c>; flags given alongside the file override its values.
/// </summary>
internal static class CertifyCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Option<string?>("--config", "-c") { Description = "A modelcert.yaml submission file." };
        var model = new Option<string?>("--model") { Description = "The ONNX model file (omit for predictions mode)." };
        var data = new Option<string?>("--data") { Description = "The evaluation (test) data: CSV, Parquet or JSON lines." };
        var train = new Option<string?>("--train") { Description = "The training data (leakage and membership checks)." };
        var shifted = new Option<string?>("--shifted") { Description = "A shifted evaluation set with the test data's columns (robustness.shift-metric-drop)." };
        var proxies = new Option<string[]>("--proxies") { Description = "Columns declared as proxies of protected attributes, comma-separated." };
        var label = new Option<string?>("--label") { Description = "The label column." };
        var positive = new Option<string?>("--positive") { Description = "The label value of the positive class (default 1 for numeric labels)." };
        var favourable = new Option<string?>("--favourable")
        {
            Description = "Which outcome is favourable: positive (default; score > threshold) or negative (score <= threshold, e.g. a default or re-arrest model). Fairness, adverse-action reasons and remediation are measured on it.",
        };
        var protectedAttributes = new Option<string[]>("--protected") { Description = "Protected attribute columns, comma-separated." };
        var noIntersections = new Option<bool>("--no-intersections") { Description = "Do not evaluate pairs of protected attributes as intersections." };
        var features = CommonOptions.Features();
        var inputMap = CommonOptions.InputMap();
        var threshold = new Option<double?>("--threshold") { Description = "Decision threshold: positive when score > threshold (default 0.5)." };
        var positiveIndex = new Option<int?>("--positive-index") { Description = "The column of the probabilities output holding the positive class (default 1)." };
        var scoreColumn = new Option<string?>("--score-column") { Description = "Predictions mode: the score column (in the data, or in --predictions)." };
        var predictions = new Option<string?>("--predictions") { Description = "Predictions mode: a file of scores joined to the data on --id-column." };
        var idColumn = new Option<string?>("--id-column") { Description = "The column joining --predictions to the data." };
        var policy = new Option<string[]>("--policy") { Description = "A policy file or builtin:NAME (repeatable)." };
        var profile = new Option<string?>("--profile") { Description = "Definition profile: strict (default), fairlearn or aif360." };
        var privileged = new Option<string[]>("--privileged") { Description = "The privileged group per attribute for aif360 (ATTRIBUTE=GROUP)." };
        var replicates = new Option<int?>("--replicates") { Description = "Bootstrap replicates (default 1000; 0 for none)." };
        var confidence = new Option<double?>("--confidence") { Description = "Default confidence level of intervals (default 0.95)." };
        var seed = new Option<ulong?>("--seed") { Description = "Bootstrap seed (recorded in results)." };
        var task = new Option<string?>("--task") { Description = "binary_classification or regression (default: from the model)." };
        var riskTier = new Option<string?>("--risk-tier") { Description = "Risk tier, for policy scope (minimal, limited, high, unacceptable)." };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Jurisdiction, for policy scope (e.g. US, US-NY, EU)." };
        var output = new Option<string?>("--out") { Description = "The evidence pack folder (default modelcert-results); must be new, empty, or a previous pack, which is replaced atomically." };
        var format = new Option<string?>("--format") { Description = "Output: table (default), json, junit or markdown." };
        var workspace = CommonOptions.WorkspaceFolder("with the signing key and the log");
        var key = new Option<string?>("--key") { Description = "The private key (PEM) that signs the pack (default: the workspace's keys/private.pem, generated when missing)." };
        var zip = new Option<bool>("--zip") { Description = "Also write the pack as DIR.zip." };
        var noPack = new Option<bool>("--no-pack") { Description = "Results only: write results.json, report.html and model-card.md into --out; nothing signed or logged." };
        var modelMemory = CommonOptions.ModelMemory();
        var reproduce = new Option<string?>("--reproduce") { Description = "Re-run the certification recorded in this pack (folder or zip) and report every value that differs; path flags move its input files." };

        var command = new Command("certify", "Certify a model against policies.")
        {
            config, model, data, train, shifted, proxies, label, positive, favourable, protectedAttributes, noIntersections, features, inputMap, threshold, positiveIndex,
            scoreColumn, predictions, idColumn, policy, profile, privileged, replicates, confidence, seed, task, riskTier, jurisdiction, output, format,
            workspace, key, zip, noPack, reproduce, modelMemory,
        };
        var compliance = new ComplianceOptions();
        foreach (var option in compliance.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var file = parse.GetValue(config) is { } path ? SubmissionFile.Load(path) : null;
            var list = (Option<string[]> option) => parse.GetValue(option) is { Length: > 0 } values
                ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : null;
            var basis = file ?? new Submission { DataPath = string.Empty, OutputDirectory = "modelcert-results" };

            // Paths from flags are relative to the working directory, even when the file's are relative to its folder.
            string? FromFlag(Option<string?> option) => parse.GetValue(option) is { } path ? Path.GetFullPath(path) : null;
            if (parse.GetValue(reproduce) is { } pack)
            {
                return CertifyReproduce.Run(Path.GetFullPath(pack), recorded => recorded with
                {
                    ModelPath = FromFlag(model) ?? recorded.ModelPath,
                    DataPath = FromFlag(data) ?? recorded.DataPath,
                    TrainPath = FromFlag(train) ?? recorded.TrainPath,
                    ShiftedPath = FromFlag(shifted) ?? recorded.ShiftedPath,
                    PredictionsPath = FromFlag(predictions) ?? recorded.PredictionsPath,
                    ModelMemory = CommonOptions.ModelMemoryBytes(parse, modelMemory),
                }, console);
            }

            List<string>? PoliciesFromFlags() => list(policy)?.Select(p => p.StartsWith("builtin:", StringComparison.Ordinal) ? p : Path.GetFullPath(p)).ToList();
            var submission = basis with
            {
                ModelPath = FromFlag(model) ?? basis.ModelPath,
                DataPath = FromFlag(data) ?? basis.DataPath,
                TrainPath = FromFlag(train) ?? basis.TrainPath,
                ShiftedPath = FromFlag(shifted) ?? basis.ShiftedPath,
                Proxies = list(proxies) ?? basis.Proxies,
                LabelColumn = parse.GetValue(label) ?? basis.LabelColumn,
                PositiveValue = parse.GetValue(positive) ?? basis.PositiveValue,
                Favourable = parse.GetValue(favourable) ?? basis.Favourable,
                Protected = list(protectedAttributes) ?? basis.Protected,
                Intersections = !parse.GetValue(noIntersections) && basis.Intersections,
                Features = list(features) ?? basis.Features,
                InputMap = parse.GetValue(inputMap) is { Length: > 0 } map ? InputMappingOptions.ParseInputMap(map) : basis.InputMap,
                Threshold = parse.GetValue(threshold) ?? basis.Threshold,
                PositiveIndex = parse.GetValue(positiveIndex) ?? basis.PositiveIndex,
                ScoreColumn = parse.GetValue(scoreColumn) ?? basis.ScoreColumn,
                PredictionsPath = FromFlag(predictions) ?? basis.PredictionsPath,
                IdColumn = parse.GetValue(idColumn) ?? basis.IdColumn,
                Policies = PoliciesFromFlags() ?? basis.Policies,
                Profile = parse.GetValue(profile) ?? basis.Profile,
                Privileged = parse.GetValue(privileged) is { Length: > 0 } pairs ? ParsePairs(pairs, "--privileged") : basis.Privileged,
                Replicates = parse.GetValue(replicates) ?? basis.Replicates,
                Confidence = parse.GetValue(confidence) ?? basis.Confidence,
                Seed = parse.GetValue(seed) ?? basis.Seed,
                Task = parse.GetValue(task) ?? basis.Task,
                RiskTier = parse.GetValue(riskTier) ?? basis.RiskTier,
                Jurisdiction = parse.GetValue(jurisdiction) ?? basis.Jurisdiction,
                OutputDirectory = FromFlag(output) ?? basis.OutputDirectory,
                Format = parse.GetValue(format)?.ToLowerInvariant() ?? basis.Format,
                Card = compliance.Card(parse, basis.Card),
                Provenance = compliance.Provenance(parse, basis.Provenance),
                ModelMemory = CommonOptions.ModelMemoryBytes(parse, modelMemory),
            };
            if (string.IsNullOrEmpty(submission.DataPath))
            {
                throw new InputException("name the evaluation data with --data (or data.test in --config)");
            }

            var options = new PackOptions(parse.GetValue(workspace), parse.GetValue(key), parse.GetValue(zip), parse.GetValue(noPack));
            if (options.NoPack && (options.Zip || options.KeyPath is not null))
            {
                throw new InputException("--no-pack writes no pack: it cannot be combined with --zip or --key");
            }

            return CertifyRunner.Run(submission, console, options);
        });
        return command;
    }

    private static Dictionary<string, string> ParsePairs(IEnumerable<string> items, string flag)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == item.Length - 1 || !pairs.TryAdd(item[..eq], item[(eq + 1)..]))
            {
                throw new InputException($"{flag} item '{item}' is not of the form ATTRIBUTE=GROUP, or names an attribute twice");
            }
        }

        return pairs;
    }
}
