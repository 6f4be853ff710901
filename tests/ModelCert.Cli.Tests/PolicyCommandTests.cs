using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary><c>modelcert policy</c> and <c>modelcert init</c> from the command line.</summary>
public sealed class PolicyCommandTests
{
    public sealed class Lint
    {
        [Fact]
        public void Should_pass_every_builtin_pack_and_report_problems_with_locations()
        {
            // Given a clean policy and one with an unknown field
            using var temp = new TempFolder();
            var clean = temp.Write("clean.yaml", "apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: clean\n  version: 1.0.0\nrequirements:\n  - id: auc\n    check: performance.roc-auc\n    threshold: { min: 0.7 }\n");
            var typo = temp.Write("typo.yaml", "apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: typo\n  version: 1.0.0\nrequirements:\n  - id: auc\n    check: performance.roc-auc\n    treshold: { min: 0.7 }\n");

            // When each is linted
            var ok = CliRunner.Run("policy", "lint", clean);
            var bad = CliRunner.Run("policy", "lint", typo);

            // Then the clean one passes and the other names line, column and the likely field
            Assert.True(ok.ExitCode == 0, ok.ToString());
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("typo.yaml:9:5", bad.Error, StringComparison.Ordinal);
            Assert.Contains("did you mean 'threshold'", bad.Error, StringComparison.Ordinal);
        }
    }

    public sealed class Explain
    {
        [Fact]
        public void Should_say_which_policy_set_the_strictest_threshold()
        {
            using var temp = new TempFolder();
            var stricter = temp.Write("stricter.yaml", "apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: stricter\n  version: 2.1.0\nextends: [builtin:four-fifths]\nrequirements:\n  - id: four-fifths.selection-rate-ratio\n    check: fairness.demographic-parity-ratio\n    threshold: { min: 0.9 }\n");
            var result = CliRunner.Run("policy", "explain", stricter);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("min 0.9 set by stricter 2.1.0", result.Out, StringComparison.Ordinal);
            Assert.Contains("four-fifths 1.0.0", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_list_the_builtin_packs()
        {
            var result = CliRunner.Run("policy", "packs");
            Assert.Contains("builtin:four-fifths", result.Out, StringComparison.Ordinal);
            Assert.Contains("builtin:nyc-ll144", result.Out, StringComparison.Ordinal);
            Assert.Contains("builtin:baseline", result.Out, StringComparison.Ordinal);
        }
    }

    public sealed class Init
    {
        [Fact]
        public void Should_write_a_submission_with_the_model_inputs_mapped_and_refuse_to_overwrite()
        {
            // Given the demo's data and model
            using var temp = new TempFolder();
            Assert.Equal(0, CliRunner.Run("demo", "--out", temp.Path).ExitCode);
            var output = temp.File("modelcert.yaml");

            // When init runs twice
            var first = CliRunner.Run("init", "--model", temp.File("loan-model-compliant.onnx"), "--data", temp.File("loans.csv"), "--label", "repaid", "--protected", "sex", "--out", output);
            var second = CliRunner.Run("init", "--model", temp.File("loan-model-compliant.onnx"), "--data", temp.File("loans.csv"), "--out", output);

            // Then the file maps every input and points at the data; the second run refuses to overwrite it
            Assert.True(first.ExitCode == 0, first.ToString());
            var text = File.ReadAllText(output);
            Assert.Contains("file: \"loan-model-compliant.onnx\"", text, StringComparison.Ordinal);
            Assert.Contains("test: \"loans.csv\"", text, StringComparison.Ordinal);
            Assert.Contains("postcode_risk (float tensor [N,1]) <- column 'postcode_risk'", text, StringComparison.Ordinal);
            Assert.Contains("attributes: [\"sex\"]", text, StringComparison.Ordinal);
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("--force", second.Error, StringComparison.Ordinal);
        }
    }
}
