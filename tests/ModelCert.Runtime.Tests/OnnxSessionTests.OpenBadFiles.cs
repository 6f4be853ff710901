using ModelCert.Core;
using ModelCert.Runtime.Tests.Support;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    public sealed class Open_with_a_bad_file
    {
        [Fact]
        public void Should_say_a_missing_file_does_not_exist()
        {
            // Given a path where no file is
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "absent.onnx");

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(path));

            // Then the one-line message names the file and says it does not exist
            AssertOneLine(error, path, "does not exist");
        }

        [Fact]
        public void Should_say_an_empty_file_is_empty()
        {
            // Given an empty file
            using var model = TempModel.OfBytes([]);

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then the message says it is empty
            AssertOneLine(error, model.Path, "is empty");
        }

        [Fact]
        public void Should_say_a_directory_is_not_a_model_file()
        {
            // Given a directory
            using var model = TempModel.Of(TestModels.Regressor());

            // When the directory is opened as a model
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Folder));

            // Then the message says so
            AssertOneLine(error, model.Folder, "is a directory");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Should_reject_random_bytes_as_not_a_valid_model(int seed)
        {
            // Given a file of random bytes
            var bytes = new byte[4096];
            new Random(seed).NextBytes(bytes);
            using var model = TempModel.OfBytes(bytes);

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then ORT's rejection becomes a one-line ModelLoadException (and the process is still alive)
            AssertOneLine(error, model.Path, "not a valid ONNX model");
            Assert.IsType<OnnxRuntimeException>(error.InnerException);
        }

        [Fact]
        public void Should_reject_a_text_file()
        {
            // Given a CSV file with an .onnx name
            using var model = TempModel.OfBytes("row_id,age,income\n1,25,<=50K\n2,38,>50K\n"u8.ToArray());

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then it is refused as a model, in one line
            AssertOneLine(error, model.Path, "model file");
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(0.9)]
        [InlineData(0.1)]
        public void Should_reject_a_truncated_model_we_built(double fraction)
        {
            // Given a valid model cut short
            var bytes = TestModels.Mixed().ToBytes();
            using var model = TempModel.OfBytes(bytes[..(int)(bytes.Length * fraction)]);

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then it is not a valid model
            AssertOneLine(error, model.Path, "not a valid ONNX model");
        }

        [Fact]
        public void Should_reject_a_truncated_copy_of_a_real_model()
        {
            // Given the first 60% of the reference XGBoost model
            var bytes = File.ReadAllBytes(ModelCert.Tests.SharedData.Require("models/adult/adult_xgb.onnx"));
            using var model = TempModel.OfBytes(bytes[..(bytes.Length * 6 / 10)], "adult_xgb_truncated.onnx");

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then it is not a valid model, and the error is an input error the CLI reports with exit code 2
            AssertOneLine(error, model.Path, "not a valid ONNX model");
            Assert.IsAssignableFrom<InputException>(error);
        }

        [Fact]
        public void Should_reject_a_graph_with_an_unknown_operator()
        {
            // Given a well-formed model using an operator no opset defines
            var builder = new Onnx.OnnxModelBuilder()
                .Opset(string.Empty, 13)
                .Input("x", TensorElementType.Float, -1)
                .Node("NoSuchOperator", ["x"], ["y"])
                .Output("y", TensorElementType.Float, -1);
            using var model = TempModel.Of(builder);

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then the runtime's reason is kept on one line and names the operator
            AssertOneLine(error, model.Path, "NoSuchOperator");
        }

        [Fact]
        public void Should_drop_the_runtime_source_location_from_its_reason()
        {
            // Given a model stamped with an opset ONNX Runtime does not know
            var builder = new Onnx.OnnxModelBuilder()
                .Opset(string.Empty, 99)
                .Input("x", TensorElementType.Float, -1)
                .Node("Identity", ["x"], ["y"])
                .Output("y", TensorElementType.Float, -1);
            using var model = TempModel.Of(builder);

            // When it is opened
            var error = Assert.Throws<ModelLoadException>(() => OnnxSession.Open(model.Path));

            // Then the reason reads as a sentence, without ORT's C++ file and function
            AssertOneLine(error, model.Path, "could not be loaded by ONNX Runtime 1.30.0: ONNX Runtime only *guarantees* support");
            Assert.DoesNotContain("onnxruntime_src", error.Message, StringComparison.Ordinal);
        }

        private static void AssertOneLine(ModelLoadException error, string path, string expected)
        {
            Assert.DoesNotContain('\n', error.Message);
            Assert.StartsWith($"model file '{path}' ", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal(path, error.ModelPath);
        }
    }
}
