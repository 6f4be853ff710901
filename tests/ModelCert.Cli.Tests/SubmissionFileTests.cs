using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelCert.Cli.Certify;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary><c>certify --config modelcert.yaml</c>: the file drives a certification, flags override it, mistakes are located.</summary>
public sealed class SubmissionFileTests
{
    /// <summary>A predictions-mode submission over project/data/loans.csv, writing to project/results. Lines matter.</summary>
    private const string Yaml = """
        apiVersion: modelcert/v1
        kind: Submission
        model:
          name: tiny-scores
          version: "2.0"
        predictions:
          score_column: score
        data:
          test: data/loans.csv
          label: label
          positive: 1
        protected:
          attributes: [sex]
        policies: [builtin:four-fifths]
        evaluation:
          replicates: 0
          seed: 7
        context:
          risk_tier: high
        output:
          dir: results
          format: json

        """;

    /// <summary>80 applicants, 40 per sex, each half selected (score 0.9) and the label agreeing: a fair, accurate model.</summary>
    private static string Loans()
    {
        var csv = new StringBuilder("id,sex,score,label\n");
        for (var i = 1; i <= 80; i++)
        {
            var selected = i % 4 < 2;
            csv.Append(CultureInfo.InvariantCulture, $"{i},{(i % 2 == 0 ? "f" : "m")},{(selected ? "0.9" : "0.1")},{(selected ? 1 : 0)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Writes project/modelcert.yaml and project/data/loans.csv; returns the submission's path.</summary>
    private static string Project(TempFolder temp, string yaml = Yaml)
    {
        Directory.CreateDirectory(temp.File(Path.Combine("project", "data")));
        temp.Write(Path.Combine("project", "data", "loans.csv"), Loans());
        return temp.Write(Path.Combine("project", "modelcert.yaml"), yaml);
    }

    private static JsonElement Results(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement;

    public sealed class Certify
    {
        [Fact]
        public void Should_certify_from_the_file_with_paths_relative_to_it()
        {
            // Given a project folder with a submission and its data
            using var temp = new TempFolder();
            var config = Project(temp);

            // When certify runs from another working directory with only --config
            var result = CliRunner.Run("certify", "--config", config);

            // Then results.json lands in the file's output.dir, with the file's model, policy and seed
            Assert.True(result.ExitCode == 0, result.ToString());
            var results = Results(temp.File(Path.Combine("project", "results")));
            Assert.Equal("certified", results.GetProperty("verdict").GetString());
            Assert.Equal(("tiny-scores", "2.0"), (results.GetProperty("model").GetProperty("name").GetString(), results.GetProperty("model").GetProperty("version").GetString()));
            Assert.Equal("four-fifths", results.GetProperty("policies")[0].GetProperty("name").GetString());
            Assert.Equal(7UL, results.GetProperty("bootstrap").GetProperty("seed").GetUInt64());
            Assert.StartsWith("{", result.Out.TrimStart(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_let_flags_override_the_file()
        {
            // Given the same project
            using var temp = new TempFolder();
            var config = Project(temp);

            // When --out, --seed and --format are given beside --config
            var result = CliRunner.Run("certify", "--config", config, "--out", temp.File("elsewhere"), "--seed", "11", "--format", "markdown");

            // Then the flags win: results go to --out with seed 11, and the file's output.dir is not written
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(11UL, Results(temp.File("elsewhere")).GetProperty("bootstrap").GetProperty("seed").GetUInt64());
            Assert.False(Directory.Exists(temp.File(Path.Combine("project", "results"))), "output.dir must not be used when --out is given");
            Assert.False(result.Out.TrimStart().StartsWith('{'), "--format markdown must override format: json");
        }

        [Fact]
        public void Should_exit_2_naming_file_line_and_column_of_every_problem()
        {
            // Given a submission with a misspelt field and a negative seed
            using var temp = new TempFolder();
            var config = Project(temp, Yaml.Replace("  label: label", "  lable: label", StringComparison.Ordinal).Replace("seed: 7", "seed: -7", StringComparison.Ordinal));

            // When certify loads it
            var result = CliRunner.Run("certify", "--config", config);

            // Then it stops with bad input, every problem located, and writes nothing
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"{config}:10:3: unknown field 'lable' in data; did you mean 'label'?", result.Error, StringComparison.Ordinal);
            Assert.Contains($"{config}:17:9: 'seed' must be a whole number from 0 to 18446744073709551615; found '-7'", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp.File(Path.Combine("project", "results"))), "no results may be written");
        }

        [Fact]
        public void Should_certify_the_file_init_writes()
        {
            // Given the demo's model and data, and the submission modelcert init writes for them
            using var temp = new TempFolder();
            Assert.Equal(0, CliRunner.Run("demo", "--out", temp.Path).ExitCode);
            var config = temp.File("modelcert.yaml");
            var init = CliRunner.Run("init", "--model", temp.File("loan-model-compliant.onnx"), "--data", temp.File("loans.csv"), "--label", "repaid", "--protected", "sex", "--out", config);
            Assert.True(init.ExitCode == 0, init.ToString());

            // When certify reads it
            var result = CliRunner.Run("certify", "--config", config, "--replicates", "0");

            // Then it runs to a verdict, with results in the default folder beside the file
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            Assert.Equal("loan-model-compliant", Results(temp.File("modelcert-results")).GetProperty("model").GetProperty("name").GetString());
        }

        [Fact]
        public void Should_name_a_missing_submission_file()
        {
            // Given no file / When certify is pointed at it / Then bad input naming the path
            using var temp = new TempFolder();
            var result = CliRunner.Run("certify", "--config", temp.File("modelcert.yaml"));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"{temp.File("modelcert.yaml")}:1:1: submission file not found", result.Error, StringComparison.Ordinal);
        }
    }

    public sealed class Load
    {
        [Fact]
        public void Should_map_every_field_and_keep_paths_relative_to_the_file()
        {
            // Given a model-mode submission using most fields
            using var temp = new TempFolder();
            var config = temp.Write("modelcert.yaml", """
                apiVersion: modelcert/v1
                kind: Submission
                model: { name: m, version: "3", file: models/m.onnx, task: binary_classification, threshold: 0.3, positive_index: 0, features: [a, b], input_map: { x: c } }
                data: { test: test.csv, train: train.csv, label: y, positive: "yes" }
                protected: { attributes: [sex], intersections: false, privileged: { sex: f } }
                policies: [builtin:baseline, p.yaml]
                evaluation: { profile: aif360, replicates: 50, confidence: 0.9, seed: 3 }
                context: { risk_tier: limited, jurisdiction: EU }
                output: { dir: out, format: junit }

                """);

            // When it is loaded
            var submission = SubmissionFile.Load(config);

            // Then every field is carried over, and paths resolve from the file's folder
            Assert.Equal(("models/m.onnx", "m", "3", "binary_classification", 0.3, 0), (submission.ModelPath, submission.ModelName, submission.ModelVersion, submission.Task, submission.Threshold, submission.PositiveIndex));
            Assert.Equal(["a", "b"], submission.Features!);
            Assert.Equal("c", submission.InputMap["x"]);
            Assert.Equal(("test.csv", "train.csv", "y", "yes"), (submission.DataPath, submission.TrainPath, submission.LabelColumn, submission.PositiveValue));
            Assert.Equal(("sex", false, "f"), (string.Join(",", submission.Protected), submission.Intersections, submission.Privileged["sex"]));
            Assert.Equal(["builtin:baseline", "p.yaml"], submission.Policies);
            Assert.Equal(("aif360", 50, 0.9, 3UL), (submission.Profile, submission.Replicates, submission.Confidence, submission.Seed));
            Assert.Equal(("limited", "EU", "out", "junit"), (submission.RiskTier, submission.Jurisdiction, submission.OutputDirectory, submission.Format));
            Assert.Equal(temp.File("test.csv"), submission.Resolve(submission.DataPath));
            Assert.False(submission.PredictionsMode);
        }

        [Fact]
        public void Should_keep_the_defaults_for_what_the_file_leaves_out()
        {
            // Given the smallest submission
            using var temp = new TempFolder();
            var config = temp.Write("modelcert.yaml", "apiVersion: modelcert/v1\nkind: Submission\ndata:\n  test: t.csv\n");

            // When it is loaded / Then the defaults are those of the flags
            var submission = SubmissionFile.Load(config);
            var defaults = new Submission { DataPath = "t.csv", OutputDirectory = "modelcert-results", BaseDirectory = temp.Path };
            Assert.Equal("modelcert-results", submission.OutputDirectory);
            Assert.Equal(
                (defaults.Threshold, defaults.PositiveIndex, defaults.Intersections, defaults.Profile, defaults.Replicates, defaults.Confidence, defaults.Seed, defaults.Format),
                (submission.Threshold, submission.PositiveIndex, submission.Intersections, submission.Profile, submission.Replicates, submission.Confidence, submission.Seed, submission.Format));
            Assert.Equal((temp.Path, true), (submission.BaseDirectory, submission.PredictionsMode));
            Assert.Empty(submission.Protected);
            Assert.Empty(submission.Policies);
        }

        [Fact]
        public void Should_accept_every_format_and_profile_certify_knows()
        {
            // Given each output format and definition profile certify supports
            using var temp = new TempFolder();
            foreach (var (format, profile) in CertifyOutput.Formats.Zip(new[] { "strict", "fairlearn", "aif360", "strict" }))
            {
                var config = temp.Write("modelcert.yaml", $"apiVersion: modelcert/v1\nkind: Submission\ndata:\n  test: t.csv\noutput:\n  format: {format}\nevaluation:\n  profile: {profile}\n");

                // When a file names it / Then it loads and reaches certify unchanged
                var submission = SubmissionFile.Load(config);
                Assert.Equal((format, profile), (submission.Format, submission.Profile));
                _ = EvaluationPreparer.ParseProfile(submission.Profile);
            }
        }
    }
}
