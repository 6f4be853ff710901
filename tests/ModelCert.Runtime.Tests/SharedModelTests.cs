using System.Text.Json.Nodes;

using ModelCert.Tests;

using Xunit;

namespace ModelCert.Runtime.Tests;

/// <summary>The reference models in shared/models open and match their machine-readable cards.</summary>
public sealed class SharedModelTests
{
    private static readonly string[] Models =
        ["adult/adult_lr", "adult/adult_xgb", "bank/bank_gb", "bank/bank_xgb", "compas/compas_rf", "german/german_lr"];

    public sealed class Open
    {
        [Theory]
        [InlineData("adult/adult_lr")]
        [InlineData("adult/adult_xgb")]
        [InlineData("bank/bank_gb")]
        [InlineData("bank/bank_xgb")]
        [InlineData("compas/compas_rf")]
        [InlineData("german/german_lr")]
        public void Should_match_the_model_card(string model)
        {
            // Given a reference model and its card
            var path = SharedData.Require($"models/{model}.onnx");
            var card = JsonNode.Parse(File.ReadAllText(SharedData.Require($"models/{model}.model.json")))!;

            // When it is opened
            using var session = OnnxSession.Open(path);

            // Then inputs, outputs, producer and metadata keys are those of the card
            Assert.Equal(Expected(card["onnx"]!["inputs"]!), session.Inputs);
            Assert.Equal(Expected(card["onnx"]!["outputs"]!), session.Outputs);
            var producer = card["onnx"]!["producer"]!.GetValue<string>();
            Assert.True(
                producer.StartsWith(session.Metadata.ProducerName + " ", StringComparison.Ordinal),
                $"producer '{session.Metadata.ProducerName}' does not begin the card's '{producer}'");
            var keys = card["metadata_props_in_onnx"]!.AsArray().Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(keys, session.Metadata.CustomMetadata.Keys.Order(StringComparer.Ordinal));
            var mapping = JsonNode.Parse(session.Metadata.CustomMetadata["onnx_input_to_csv_column"]);
            Assert.True(
                JsonNode.DeepEquals(mapping, card["onnx_input_to_csv_column"]),
                $"onnx_input_to_csv_column in the model differs from the card: {mapping?.ToJsonString()}");
        }

        [Fact]
        public void Should_find_the_adult_lr_layout_described_in_the_readme()
        {
            // Given adult_lr, fed one column per input
            using var session = OnnxSession.Open(SharedData.Require("models/adult/adult_lr.onnx"));

            // When its inputs are counted by type
            var strings = session.Inputs.Count(i => i.ElementType == TensorElementType.String);
            var floats = session.Inputs.Count(i => i.ElementType == TensorElementType.Float);

            // Then there are 13: 8 string and 5 float, each [-1,1]
            Assert.Equal((8, 5), (strings, floats));
            Assert.All(session.Inputs, i => Assert.Equal([-1, 1], i.Shape));
            Assert.Contains("onnx_input_to_csv_column", session.Metadata.CustomMetadata.Keys);
        }

        [Fact]
        public void Should_know_every_model_in_the_shared_folder()
        {
            // Given the shared models folder
            var root = SharedData.Require("models");

            // When its .onnx files are listed
            var found = Directory.GetFiles(root, "*.onnx", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f)[..^".onnx".Length].Replace('\\', '/'))
                .Order(StringComparer.Ordinal);

            // Then each is covered by the card test above (add new ones to its InlineData)
            Assert.Equal(Models.Order(StringComparer.Ordinal), found);
        }
    }

    private static TensorInfo[] Expected(JsonNode values) =>
    [
        .. values.AsArray().Select(v => new TensorInfo(
            v!["name"]!.GetValue<string>(),
            OnnxValueKind.Tensor,
            Enum.Parse<TensorElementType>(v["type"]!.GetValue<string>(), ignoreCase: true),
            [.. v["shape"]!.AsArray().Select(d => d is null ? -1L : d.GetValue<long>())])),
    ];
}
