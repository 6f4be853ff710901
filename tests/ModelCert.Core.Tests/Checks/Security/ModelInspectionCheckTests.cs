using ModelCert.Core.Checks.Security;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Tests.Checks.DataQuality;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Security;

public sealed class ModelInspectionCheckTests
{
    private const string Id = "security.model-inspection";

    private static readonly ModelInspection Clean = new()
    {
        Path = "m.onnx",
        Sha256 = new string('a', 64),
        Bytes = 5000,
        Complete = true,
        IrVersion = 8,
        Opsets = [new OpsetImport(string.Empty, 13), new OpsetImport("ai.onnx.ml", 3)],
        NodeCount = 12,
        NodeDomains = ["ai.onnx", "ai.onnx.ml"],
        LargestDimension = new SizeFact(14, "input 'x'"),
        LargestElementCount = new SizeFact(14, "input 'x'"),
    };

    private static CheckResult Run(ModelInspection? inspection, RequirementParameters? parameters = null)
    {
        var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = Of(Numbers("x", 1)), Inspection = inspection, ModelRunnable = inspection is not null };
        return Expect.Single(new ModelInspectionCheck().Evaluate(data, TestRequirements.AtMost(Id, 0, parameters, minSample: 30)), "inspection");
    }

    private static RequirementParameters Parameters(string name, object value) => new() { Values = new Dictionary<string, object> { [name] = value } };

    public sealed class Evaluate
    {
        [Fact]
        public void Should_pass_a_clean_model_and_record_its_facts()
        {
            // Given a clean inspection, judged with a minimum sample of 30
            var result = Run(Clean);

            // Then it passes with 0 violations (no sample rule for a structural count) and keeps the facts
            Expect.Outcome(Outcome.Pass, result, "clean");
            Expect.Value(0, result, "no violations");
            Assert.Null(result.SampleSize);
            Assert.Equal(["ai.onnx 13", "ai.onnx.ml 3"], Expect.Detail<List<string>>(result, "opsets", "opsets"));
            Assert.Equal(12L, Expect.Detail<long>(result, "node_count", "nodes"));
        }

        [Fact]
        public void Should_judge_the_facts_with_this_requirements_limits()
        {
            // Given the clean inspection and limits of 10 nodes, dimension 8 and opsets up to 12
            var nodes = Run(Clean, Parameters("max_nodes", 10));
            var dimension = Run(Clean, Parameters("max_dimension", 8.0));
            var opset = Run(Clean, Parameters("opset_versions", new List<double> { 1, 12 }));

            // Then each fails with its reason
            Expect.Outcome(Outcome.Fail, nodes, "nodes");
            Expect.Contains("12 nodes, above the limit of 10 (max_nodes)", nodes.Message, "nodes named");
            Expect.Contains("input 'x' has a dimension of 14, above the limit of 8", dimension.Message, "dimension named");
            Expect.Contains("ai.onnx opset 13 is outside the allowed 1 to 12 (opset_versions)", opset.Message, "opset named");
        }

        [Fact]
        public void Should_report_the_inspections_own_problems()
        {
            // Given an inspection that found a path leaving the folder
            var hostile = Clean with { Problems = ["initializer 'W' keeps its data in external file '../x', outside the model's folder"] };

            // Then it fails with 1 violation naming it
            var result = Run(hostile);
            Expect.Value(1, result, "one violation");
            Expect.Contains("outside the model's folder", result.Message, "problem named");
        }

        [Fact]
        public void Should_skip_in_predictions_mode_and_refuse_a_reversed_range()
        {
            // Given no inspection, and a range written highest first
            var skipped = Run(null);
            var reversed = Run(Clean, Parameters("ir_versions", new List<double> { 9, 3 }));

            // Then the first is skipped, the second an error naming the parameter
            Expect.Outcome(Outcome.Skipped, skipped, "predictions mode");
            Expect.Outcome(Outcome.Error, reversed, "bad range");
            Expect.Contains("parameter 'ir_versions' must be [lowest, highest]", reversed.Message, "parameter named");
        }
    }
}
