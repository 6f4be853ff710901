using ModelCert.Policy.Submissions;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

/// <summary>Valid submission files give every field as written; what the file leaves out stays null.</summary>
public sealed class SubmissionParserTests
{
    public sealed class Load
    {
        [Fact]
        public void Should_read_every_field_of_a_full_file()
        {
            // Given a submission using every field but predictions / When it is loaded
            var spec = SubmissionFiles.Load(SubmissionFiles.Full);

            // Then each section holds what was written, typed
            Assert.Equal(
                new ModelSpec("loan-approval", "1.4.0", "models/loan.onnx", "binary_classification", 0.35, 1, null, null),
                spec.Model! with { Features = null, InputMap = null });
            Assert.Equal(["income", "age", "tenure"], spec.Model.Features!);
            Assert.Equal(new Dictionary<string, string> { ["region_code"] = "region" }, spec.Model.InputMap!);
            Assert.Equal(new DataSpec("data/test.csv", "data/train.csv", null, "income", ">50K"), spec.Data);
            Assert.Equal(["sex", "race"], spec.Protected!.Attributes!);
            Assert.False(spec.Protected.Intersections, "intersections: false must be read as false");
            Assert.Equal(new Dictionary<string, string> { ["sex"] = "Male", ["race"] = "White" }, spec.Protected.Privileged!);
            Assert.Equal(["builtin:four-fifths", "policies/lending.yaml"], spec.Policies!);
            Assert.Equal(new EvaluationSpec("aif360", 2000, 0.9, ulong.MaxValue), spec.Evaluation);
            Assert.Equal(new ContextSpec("high", "US-NY"), spec.Context);
            Assert.Equal(new OutputSpec("results", "junit"), spec.Output);
            Assert.Null(spec.Predictions);
        }

        [Fact]
        public void Should_read_provenance_and_model_card_texts()
        {
            // Given the full submission / When it is loaded
            var spec = SubmissionFiles.Load(SubmissionFiles.Full);

            // Then provenance and card are kept as written, block scalars included
            Assert.Equal(
                new ProvenanceSpec("Loan applications 2019-2023 from the core banking system", "2019-01 to 2023-12", "Legitimate interest, GDPR Art. 6(1)(f)", "consented", "2030-12-31"),
                spec.Provenance);
            Assert.Equal("Trained on applicants from one country;\nnot validated for small-business loans.\n", spec.Card!.Limitations);
            Assert.Equal(("Credit Risk Analytics", "model-risk@bank.example"), (spec.Card.Owner, spec.Card.Contact));
            Assert.Equal("data/test.csv, 12,000 applications", spec.Card.EvaluationData);
            Assert.Equal(
                new[] { "Pre-screening of consumer loan applications, with a human decision", "Employment or housing decisions", "Income is a proxy for protected traits in some regions", "data/train.csv, 48,000 applications" },
                new[] { spec.Card.IntendedUse, spec.Card.OutOfScopeUses, spec.Card.EthicalConsiderations, spec.Card.TrainingData });
        }

        [Fact]
        public void Should_leave_unstated_fields_null()
        {
            // Given only the evaluation data / When loaded / Then everything else is null, not defaulted
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal);
            Assert.Equal(new DataSpec("test.csv", null, null, null, null), spec.Data);
            Assert.All(new object?[] { spec.Model, spec.Predictions, spec.Protected, spec.Policies, spec.Evaluation, spec.Context, spec.Output, spec.Provenance, spec.Card }, Assert.Null);
        }

        [Fact]
        public void Should_treat_null_values_as_not_given()
        {
            // Given fields written as ~, null or nothing
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal + "  label: ~\n  train:\nmodel:\n  threshold: null\n");

            // When loaded / Then they are absent
            Assert.Equal((null, null, null), (spec.Data!.Label, spec.Data.Train, spec.Model!.Threshold));
        }

        [Fact]
        public void Should_read_predictions_mode()
        {
            // Given a submission scoring from a predictions file joined on an id
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal + "model:\n  name: vendor-model\npredictions:\n  file: preds.csv\n  score_column: proba\n  id_column: row_id\n");

            // When loaded / Then the predictions are named and the model has no file
            Assert.Equal(new PredictionsSpec("preds.csv", "proba", "row_id"), spec.Predictions);
            Assert.Null(spec.Model!.File);
        }

        [Theory]
        [InlineData("1", "1")]
        [InlineData("1.0", "1.0")]
        [InlineData("\"1\"", "1")]
        [InlineData("'>50K'", ">50K")]
        [InlineData("yes", "yes")]
        [InlineData("true", "true")]
        public void Should_keep_the_positive_value_as_written(string written, string expected)
        {
            // Given a positive label written as a number, quoted text or a word / When loaded / Then the text is kept
            Assert.Equal(expected, SubmissionFiles.Load(SubmissionFiles.Minimal + "  positive: " + written + "\n").Data!.Positive);
        }

        [Fact]
        public void Should_know_the_folder_and_keep_the_path_as_given()
        {
            // Given a submission in a sub-folder
            using var folder = new PolicyFolder();
            folder.Write(Path.Combine("project", "modelcert.yaml"), SubmissionFiles.Minimal);
            var path = folder.PathOf(Path.Combine("project", "modelcert.yaml"));

            // When loaded
            var spec = SubmissionParser.Load(path);

            // Then relative paths stay relative, to be resolved from the file's folder
            Assert.Equal((path, folder.PathOf("project")), (spec.Origin, spec.BaseDirectory));
            Assert.Equal("test.csv", spec.Data!.Test);
        }

        [Fact]
        public void Should_accept_a_byte_order_mark_and_an_empty_protected_list()
        {
            // Given a UTF-8 BOM and attributes: [] (as modelcert init writes when none are named)
            using var folder = new PolicyFolder();
            folder.Write("modelcert.yaml", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(SubmissionFiles.Minimal + "protected:\n  attributes: []\n")]);

            // When loaded / Then the list is empty, not missing
            Assert.Empty(SubmissionParser.Load(folder.PathOf("modelcert.yaml")).Protected!.Attributes!);
        }
    }
}
