using System.Security.Cryptography;
using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;
using ModelCert.Runtime.Tests.Support;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed partial class OnnxInspectorTests
{
    private static void AssertRefused(IReadOnlyList<string> violations, params string[] expected)
    {
        Assert.True(violations.Count > 0, "the model should be refused");
        foreach (var text in expected)
        {
            Assert.True(violations.Any(v => v.Contains(text, StringComparison.Ordinal)), $"no violation mentions '{text}': {string.Join(" | ", violations)}");
        }
    }

    public sealed class Inspect
    {
        [Theory]
        [InlineData("adult/adult_lr")]
        [InlineData("adult/adult_xgb")]
        [InlineData("bank/bank_gb")]
        [InlineData("bank/bank_xgb")]
        [InlineData("compas/compas_rf")]
        [InlineData("german/german_lr")]
        public void Should_pass_every_reference_model_with_the_default_limits(string model)
        {
            // Given a reference model
            var path = SharedData.Require($"models/{model}.onnx");

            // When it is inspected
            var inspection = OnnxInspector.Inspect(path);

            // Then it keeps every default limit, its hash is the file's, and only it was opened
            Assert.Empty(ModelInspectionLimits.Default.Violations(inspection));
            Assert.True(inspection.Complete, "read to the end");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), inspection.Sha256);
            Assert.True(inspection.NodeCount > 0, "nodes counted");
            Assert.NotEmpty(inspection.Opsets);
            Assert.Equal([Path.GetFullPath(path)], inspection.FilesOpened);
        }

        [Fact]
        public void Should_report_the_facts_of_a_built_model()
        {
            // Given the test logistic regression (IR 8, opset 13, 6 nodes, input [N,3])
            using var model = TempModel.Of(TestModels.LogisticRegression());

            // When it is inspected
            var inspection = OnnxInspector.Inspect(model.Path);

            // Then versions, nodes, domains and sizes are read
            Assert.Equal(8, inspection.IrVersion);
            Assert.Equal([new OpsetImport(string.Empty, 13)], inspection.Opsets);
            Assert.Equal(6, inspection.NodeCount);
            Assert.Equal(["ai.onnx"], inspection.NodeDomains);
            Assert.Equal(3, inspection.LargestDimension!.Value);
            Assert.Empty(inspection.ExternalData);
            Assert.Empty(ModelInspectionLimits.Default.Violations(inspection));
        }

        [Fact]
        public void Should_refuse_a_custom_operator_domain_unless_allowed()
        {
            // Given a node of domain com.example.evil, imported as an opset
            using var model = TempModel.Of(new OnnxModelBuilder()
                .Opset(string.Empty, 13).Opset("com.example.evil", 1)
                .Input("x", TensorElementType.Float, -1, 1)
                .Node("com.example.evil", "Exfiltrate", ["x"], ["y"])
                .Output("y", TensorElementType.Float, -1, 1));

            // When it is judged by the defaults, and by limits allowing the domain
            var inspection = OnnxInspector.Inspect(model.Path);
            var strict = ModelInspectionLimits.Default.Violations(inspection);
            var lenient = (ModelInspectionLimits.Default with { AllowedDomains = ["com.example.evil"] }).Violations(inspection);

            // Then the default refuses both the import and the node, and the policy's allowance lets it through
            AssertRefused(strict, "nodes use operator domain 'com.example.evil'", "imports operator domain 'com.example.evil'");
            Assert.Empty(lenient);
        }

        [Fact]
        public void Should_refuse_a_two_to_the_forty_dimension()
        {
            // Given an input declared [2^40, 1]
            using var model = TempModel.Of(new OnnxModelBuilder()
                .Opset(string.Empty, 13)
                .Input("x", TensorElementType.Float, 1L << 40, 1)
                .Node("Identity", ["x"], ["y"])
                .Output("y", TensorElementType.Float, -1, 1));

            // When it is inspected, Then the dimension and where it is are named
            AssertRefused(ModelInspectionLimits.Default.Violations(OnnxInspector.Inspect(model.Path)), "input 'x' has a dimension of 1099511627776");
        }

        [Fact]
        public void Should_refuse_an_initializer_of_two_to_the_forty_elements()
        {
            // Given an external initializer of shape [2^20, 2^20], each dimension within the limit
            using var folder = new ModelFolder();
            folder.Data("w.bin");
            folder.Save(ModelFolder.WithExternalWeights(("location", "w.bin")).Initializer("big", OnnxTensor.External(TensorElementType.Float, [1L << 20, 1L << 20], ("location", "w.bin"))));

            // When it is inspected, Then the element count is refused
            AssertRefused(folder.Violations(), "initializer 'big' has 1099511627776 elements");
        }

        [Fact]
        public void Should_refuse_versions_outside_the_ranges()
        {
            // Given IR 14, newer than ONNX Runtime 1.30 loads, and ai.onnx.ml opset 6
            using var model = TempModel.Of(TestModels.LogisticRegression().IrVersion(14).Opset("ai.onnx.ml", 6));
            var inspection = OnnxInspector.Inspect(model.Path);

            // When judged by the defaults and by a policy allowing IR 3..7 only
            var violations = ModelInspectionLimits.Default.Violations(inspection);
            var narrow = (ModelInspectionLimits.Default with { IrVersions = (3, 7) }).Violations(TempInspection(TestModels.LogisticRegression()));

            // Then each is named with its range and parameter
            AssertRefused(violations, "IR version 14 is outside the allowed 3 to 13 (ir_versions)", "ai.onnx.ml opset 6 is outside the supported 1 to 5");
            AssertRefused(narrow, "IR version 8 is outside the allowed 3 to 7");
        }

        [Fact]
        public void Should_not_read_a_file_above_max_bytes()
        {
            // Given a model and a limit of 100 bytes
            using var model = TempModel.Of(TestModels.LogisticRegression());
            var limits = ModelInspectionLimits.Default with { MaxBytes = 100 };

            // When it is inspected
            var inspection = OnnxInspector.Inspect(model.Path, limits);

            // Then it is refused by size without being opened or hashed
            AssertRefused(limits.Violations(inspection), "above the limit of 100 (max_bytes)");
            Assert.Empty(inspection.FilesOpened);
            Assert.Null(inspection.Sha256);
        }

        [Fact]
        public void Should_count_nodes_in_subgraphs_against_max_nodes()
        {
            // Given an If node whose two branches hold one node each
            var branch = new OnnxModelBuilder().Node("Identity", ["x"], ["y"]).Output("y", TensorElementType.Float, -1, 1);
            using var model = TempModel.Of(new OnnxModelBuilder()
                .Opset(string.Empty, 13)
                .Input("x", TensorElementType.Float, -1, 1).Input("c", TensorElementType.Bool, 1)
                .Node("If", ["c"], ["y"], OnnxAttribute.Graph("then_branch", branch), OnnxAttribute.Graph("else_branch", branch))
                .Output("y", TensorElementType.Float, -1, 1));

            // When it is inspected with max_nodes 2
            var inspection = OnnxInspector.Inspect(model.Path);

            // Then all three nodes count
            Assert.Equal(3, inspection.NodeCount);
            AssertRefused((ModelInspectionLimits.Default with { MaxNodes = 2 }).Violations(inspection), "3 nodes, above the limit of 2");
        }

        private static ModelInspection TempInspection(OnnxModelBuilder builder)
        {
            using var model = TempModel.Of(builder);
            return OnnxInspector.Inspect(model.Path);
        }
    }
}
