using ModelCert.Runtime.Onnx;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed class OnnxModelBuilderTests
{
    public sealed class ToBytes
    {
        [Fact]
        public void Should_start_with_the_ir_version_field()
        {
            // Given the ready-made logistic regression
            var builder = OnnxModelBuilder.LogisticRegression([1f, 2f], 0f);

            // When it is serialized
            var bytes = builder.ToBytes();

            // Then the first field is ir_version (field 1, varint) = 8
            Assert.Equal([0x08, 0x08], bytes[..2]);
        }

        [Fact]
        public void Should_be_deterministic()
        {
            // Given two identical builders
            // When both are serialized
            var first = Support.TestModels.Mixed().ToBytes();
            var second = Support.TestModels.Mixed().ToBytes();

            // Then the bytes are identical, so test models and demo models can be hashed
            Assert.Equal(first, second);
        }

        [Fact]
        public void Should_require_an_opset_and_an_output()
        {
            // Given builders lacking an opset, or an output
            var noOpset = new OnnxModelBuilder().Input("x", TensorElementType.Float, 1).Output("x", TensorElementType.Float, 1);
            var noOutput = new OnnxModelBuilder().Opset(string.Empty, 13).Input("x", TensorElementType.Float, 1);

            // When they are serialized / Then each says what is missing
            Assert.Contains("Opset", Assert.Throws<InvalidOperationException>(noOpset.ToBytes).Message, StringComparison.Ordinal);
            Assert.Contains("Output", Assert.Throws<InvalidOperationException>(noOutput.ToBytes).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_save_a_file_that_opens()
        {
            // Given a model saved to disk
            using var model = Support.TempModel.Of(OnnxModelBuilder.LogisticRegression(["a", "b"], [1f, -1f], 0f).Metadata("k", "v"));

            // When it is opened
            using var session = OnnxSession.Open(model.Path);

            // Then the per-column inputs and the metadata are there
            Assert.Equal(["a", "b"], session.Inputs.Select(i => i.Name));
            Assert.All(session.Inputs, i => Assert.Equal([-1, 1], i.Shape));
            Assert.Equal("v", session.Metadata.CustomMetadata["k"]);
        }
    }

    public sealed class OnnxTensorValues
    {
        [Fact]
        public void Should_refuse_values_that_do_not_fill_the_dims()
        {
            // Given 3 values for a 2x2 tensor
            // When the tensor is made / Then it says so
            var error = Assert.Throws<ArgumentException>(() => OnnxTensor.Float([1f, 2f, 3f], 2, 2));
            Assert.Contains("3 values do not fill a tensor of shape [2,2]", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_default_to_a_vector()
        {
            // Given values without dims
            // When the tensor is made
            var tensor = OnnxTensor.Int64([1, 2, 3]);

            // Then it is a vector of their length
            Assert.Equal([3], tensor.Dims);
        }
    }

    public sealed class ProtobufWriterEncoding
    {
        [Fact]
        public void Should_encode_varints_as_protobuf_does()
        {
            // Given the encoding guide's example, field 1 = 150, and a negative int64
            var writer = new ProtobufWriter();

            // When they are written
            writer.Varint(1, 150);
            writer.Varint(2, -1);

            // Then 150 is 08 96 01 and -1 takes ten bytes
            Assert.Equal([0x08, 0x96, 0x01, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], writer.ToArray());
        }

        [Fact]
        public void Should_length_prefix_strings_and_messages()
        {
            // Given a string field and a nested message holding a fixed32 float
            var writer = new ProtobufWriter();

            // When they are written
            writer.String(2, "testing");
            writer.Message(3, m => m.Float(2, 1f));

            // Then each is tag, length, payload (1.0f is 00 00 80 3F)
            Assert.Equal(
                [0x12, 0x07, (byte)'t', (byte)'e', (byte)'s', (byte)'t', (byte)'i', (byte)'n', (byte)'g', 0x1A, 0x05, 0x15, 0x00, 0x00, 0x80, 0x3F],
                writer.ToArray());
        }
    }
}
