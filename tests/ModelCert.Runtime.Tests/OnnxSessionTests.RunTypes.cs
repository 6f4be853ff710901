using System.Runtime.InteropServices;

using ModelCert.Runtime.Tests.Support;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    public sealed class Run_with_each_element_type
    {
        [Fact]
        public void Should_feed_a_string_input_beside_float_inputs()
        {
            // Given a model with a string column and two float columns, each [N,1]
            using var model = TempModel.Of(TestModels.Mixed());
            using var session = OnnxSession.Open(model.Path);

            // When four rows are run, one with an unknown color
            var outputs = session.Run(
            [
                InputTensor.Strings("color", ["red", "blue", "purple", "green"], 4, 1),
                InputTensor.Float32("age", new float[] { 1, 2, 3, 4 }, 4, 1),
                InputTensor.Float32("income", new float[] { 0.5f, 0, 10, 1 }, 4, 1),
            ]);

            // Then the label encoder saw the strings and the score combines all three inputs
            Assert.Equal([1f, 3f, -1f, 2f], outputs[0].AsFloat32());
            Assert.Equal([10.5f, 23f, 19f, 41f], outputs[1].AsFloat32());
        }

        [Fact]
        public void Should_feed_strings_through_caller_owned_utf8_pointers()
        {
            // Given the same model and native UTF-8 copies of two categories
            using var model = TempModel.Of(TestModels.Mixed());
            using var session = OnnxSession.Open(model.Path);
            var red = Marshal.StringToCoTaskMemUTF8("red");
            var green = Marshal.StringToCoTaskMemUTF8("green");
            try
            {
                // When three rows are fed by pointer, reusing one pointer
                var outputs = session.Run(
                [
                    InputTensor.Utf8Strings("color", new[] { green, red, green }, 3, 1),
                    InputTensor.Float32("age", new float[3], 3, 1),
                    InputTensor.Float32("income", new float[3], 3, 1),
                ]);

                // Then the codes follow the pointed-to text
                Assert.Equal([2f, 1f, 2f], outputs[0].AsFloat32());
            }
            finally
            {
                Marshal.FreeCoTaskMem(red);
                Marshal.FreeCoTaskMem(green);
            }
        }

        [Fact]
        public void Should_return_strings_including_empty_and_non_ascii_ones()
        {
            // Given a model that echoes a string input
            using var model = TempModel.Of(TestModels.Echo());
            using var session = OnnxSession.Open(model.Path);
            string[] text = ["", "plain", "Zürich – 東京", "", "last"];

            // When it is run
            var output = Assert.Single(session.Run([InputTensor.Strings("text", text, 5, 1)]));

            // Then the strings come back unchanged
            Assert.Equal(TensorElementType.String, output.ElementType);
            Assert.Equal([5, 1], output.Shape);
            Assert.Equal(text, output.AsStrings());
        }

        [Fact]
        public void Should_return_all_empty_strings()
        {
            // Given the echo model and only empty strings (zero bytes of content)
            using var model = TempModel.Of(TestModels.Echo());
            using var session = OnnxSession.Open(model.Path);

            // When they are run
            var output = Assert.Single(session.Run([InputTensor.Strings("text", ["", ""], 2, 1)]));

            // Then two empty strings come back
            Assert.Equal(["", ""], output.AsStrings());
        }

        [Fact]
        public void Should_feed_and_read_int64_double_int32_and_bool()
        {
            // Given a model over int64, double, int32 and bool inputs
            using var model = TempModel.Of(TestModels.Types());
            using var session = OnnxSession.Open(model.Path);

            // When two rows are run
            var outputs = session.Run(
            [
                InputTensor.Int64("count", new long[] { 5_000_000_000, -3 }, 2, 1),
                InputTensor.Float64("amount", new double[] { 0.125, 1e-300 }, 2, 1),
                InputTensor.Int32("level", new[] { 7, int.MinValue }, 2, 1),
                InputTensor.Bool("flag", new[] { true, false }, 2, 1),
            ]);

            // Then each output has its type and exact values
            var byName = outputs.ToDictionary(o => o.Name);
            Assert.Equal([5_000_000_007.125, -3.0 + 1e-300 + int.MinValue], byName["total"].AsFloat64());
            Assert.Equal([false, true], byName["not_flag"].AsBool());
            Assert.Equal([5_000_000_000L, -3L], byName["count_out"].AsInt64());
            Assert.Equal([7, int.MinValue], byName["level_out"].AsInt32());
            Assert.Equal([0.0, 1.0], byName["not_flag"].ToDoubleArray());
            Assert.Equal([7.0, int.MinValue], byName["level_out"].ToDoubleArray());
        }

        [Fact]
        public void Should_run_a_regressor_with_a_single_column_output()
        {
            // Given a regressor y = 2a + 3b + 1
            using var model = TempModel.Of(TestModels.Regressor());
            using var session = OnnxSession.Open(model.Path);

            // When three rows are run
            var output = Assert.Single(session.Run([InputTensor.Float32("x", new float[] { 0, 0, 1, 0, 1, 2 }, 3, 2)]));

            // Then the prediction is one [N,1] float column
            Assert.Equal([3, 1], output.Shape);
            Assert.Equal([1.0, 3.0, 9.0], output.ToDoubleArray());
        }
    }
}
