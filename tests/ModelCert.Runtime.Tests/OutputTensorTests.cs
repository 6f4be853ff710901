using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed class OutputTensorTests
{
    public sealed class AsFloat32
    {
        [Fact]
        public void Should_name_the_actual_type_on_a_mismatch()
        {
            // Given an int64 output
            var output = new OutputTensor("label", TensorElementType.Int64, [2], new long[] { 0, 1 });

            // When it is read as float
            var error = Assert.Throws<InvalidOperationException>(output.AsFloat32);

            // Then the message says what it holds
            Assert.Equal("output 'label' holds int64 elements, not float; use the accessor for int64 or ToDoubleArray()", error.Message);
        }
    }

    public sealed class ToDoubleArray
    {
        [Fact]
        public void Should_convert_every_numeric_type()
        {
            // Given outputs of several element types
            OutputTensor[] outputs =
            [
                new("f", TensorElementType.Float, [2], new[] { 0.5f, -1f }),
                new("l", TensorElementType.Int64, [2], new[] { 3L, -4L }),
                new("b", TensorElementType.Bool, [2], new[] { true, false }),
                new("u", TensorElementType.UInt8, [2], new byte[] { 255, 0 }),
                new("h", TensorElementType.Float16, [2], new[] { (Half)0.25, (Half)(-2) }),
            ];

            // When each is converted
            var converted = outputs.Select(o => o.ToDoubleArray()).ToArray();

            // Then the values are kept
            Assert.Equal([0.5, -1.0], converted[0]);
            Assert.Equal([3.0, -4.0], converted[1]);
            Assert.Equal([1.0, 0.0], converted[2]);
            Assert.Equal([255.0, 0.0], converted[3]);
            Assert.Equal([0.25, -2.0], converted[4]);
        }

        [Fact]
        public void Should_refuse_strings()
        {
            // Given a string output
            var output = new OutputTensor("label", TensorElementType.String, [1], new[] { "yes" });

            // When it is converted / Then the message says strings are not numbers
            var error = Assert.Throws<InvalidOperationException>(output.ToDoubleArray);
            Assert.Contains("holds string elements", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_return_a_copy_for_double_outputs()
        {
            // Given a double output
            var output = new OutputTensor("y", TensorElementType.Double, [1], new[] { 1.5 });

            // When the converted array is changed
            output.ToDoubleArray()[0] = 99;

            // Then the output itself is not
            Assert.Equal([1.5], output.AsFloat64());
        }
    }
}
