using ModelCert.Runtime.Tests.Support;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    public sealed class Open
    {
        [Fact]
        public void Should_describe_inputs_and_outputs_with_minus_one_for_the_batch()
        {
            // Given a logistic regression over float_input [N,3]
            using var model = TempModel.Of(TestModels.LogisticRegression());

            // When it is opened
            using var session = OnnxSession.Open(model.Path);

            // Then inputs and outputs are as declared, with -1 for the unknown batch dimension
            Assert.Equal(
                [new TensorInfo("float_input", OnnxValueKind.Tensor, TensorElementType.Float, [-1, 3])],
                session.Inputs);
            Assert.Equal(
                [
                    new TensorInfo("label", OnnxValueKind.Tensor, TensorElementType.Int64, [-1]),
                    new TensorInfo("probabilities", OnnxValueKind.Tensor, TensorElementType.Float, [-1, 2]),
                ],
                session.Outputs);
            Assert.Equal(model.Path, session.ModelPath);
        }

        [Fact]
        public void Should_read_metadata_and_custom_properties()
        {
            // Given a model with producer, domain, version, description, graph name and two metadata properties
            using var model = TempModel.Of(TestModels.LogisticRegression());

            // When it is opened
            using var session = OnnxSession.Open(model.Path);

            // Then the metadata carries all of them
            var metadata = session.Metadata;
            Assert.Equal("modelcert", metadata.ProducerName);
            Assert.Equal("lr_graph", metadata.GraphName);
            Assert.Equal("test.modelcert", metadata.Domain);
            Assert.Equal("logistic regression for tests", metadata.Description);
            Assert.Equal(7, metadata.Version);
            Assert.Equal(["dataset", "onnx_input_to_csv_column"], metadata.CustomMetadata.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("synthetic", metadata.CustomMetadata["dataset"]);
            Assert.Equal("{\"float_input\": [\"a\", \"b\", \"c\"]}", metadata.CustomMetadata["onnx_input_to_csv_column"]);
        }

        [Fact]
        public void Should_report_absent_metadata_as_null_and_empty()
        {
            // Given a model that sets no producer, domain, description or properties
            using var model = TempModel.Of(TestModels.Regressor());

            // When it is opened
            using var session = OnnxSession.Open(model.Path);

            // Then the absent strings are null, the version 0 and the custom map empty
            Assert.Null(session.Metadata.ProducerName);
            Assert.Null(session.Metadata.Domain);
            Assert.Null(session.Metadata.Description);
            Assert.Equal(0, session.Metadata.Version);
            Assert.Empty(session.Metadata.CustomMetadata);
        }

        [Fact]
        public void Should_describe_a_zipmap_output_as_a_sequence()
        {
            // Given a classifier that also outputs ZipMap's sequence of maps
            using var model = TempModel.Of(TestModels.WithZipMap());

            // When it is opened
            using var session = OnnxSession.Open(model.Path);

            // Then that output is a sequence with no element type and no shape
            var zipMap = Assert.Single(session.Outputs, o => o.Name == "output_probability");
            Assert.Equal(new TensorInfo("output_probability", OnnxValueKind.Sequence, TensorElementType.Undefined, []), zipMap);
        }

        [Theory]
        [InlineData(GraphOptimization.None, 1, 1)]
        [InlineData(GraphOptimization.Basic, 2, 0)]
        [InlineData(GraphOptimization.Extended, 0, 2)]
        [InlineData(GraphOptimization.All, 0, 0)]
        public void Should_accept_every_optimization_level_and_thread_count(GraphOptimization optimization, int intraOp, int interOp)
        {
            // Given session options
            using var model = TempModel.Of(TestModels.Regressor());
            var options = new OnnxSessionOptions { Optimization = optimization, IntraOpThreads = intraOp, InterOpThreads = interOp };

            // When the model is opened and run with them
            using var session = OnnxSession.Open(model.Path, options);
            var output = session.Run([InputTensor.Float32("x", new float[] { 1, 1 }, 1, 2)]);

            // Then the result is the same: 2 + 3 + 1
            Assert.Equal([6f], output[0].AsFloat32());
        }

        [Fact]
        public void Should_reject_negative_thread_counts()
        {
            // Given options with a negative thread count
            using var model = TempModel.Of(TestModels.Regressor());
            var options = new OnnxSessionOptions { IntraOpThreads = -1 };

            // When / Then opening refuses them before touching the runtime
            Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSession.Open(model.Path, options));
        }

        [Fact]
        public void Should_report_the_runtime_version()
        {
            // Given the runtime fetched by eng/natives.sh
            // When its version is asked
            var version = OnnxSession.RuntimeVersion;

            // Then it is the pinned 1.30.0
            Assert.Equal("1.30.0", version);
        }
    }
}
