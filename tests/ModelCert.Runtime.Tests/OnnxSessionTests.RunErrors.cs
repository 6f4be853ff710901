using ModelCert.Runtime.Tests.Support;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    public sealed class Run_with_bad_inputs
    {
        [Fact]
        public void Should_say_when_the_element_count_does_not_fill_the_shape()
        {
            // Given 5 values for a [2,3] input
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);

            // When it is run
            var error = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Float32("float_input", new float[5], 2, 3)]));

            // Then the message gives both counts and the shape
            Assert.Contains("input 'float_input' has 5 values, but its shape [2,3] needs 6", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_name_an_unknown_input_and_list_the_real_ones()
        {
            // Given an input name the model does not have
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);

            // When it is run
            var error = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Float32("features", new float[3], 1, 3)]));

            // Then the message names it, lists the real input, and says that one is missing
            Assert.Contains("no input named 'features' (its inputs: 'float_input')", error.Message, StringComparison.Ordinal);
            Assert.Contains("input 'float_input'", error.Message, StringComparison.Ordinal);
            Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_report_every_problem_at_once()
        {
            // Given the mixed model fed a wrong type, a wrong shape and no income
            using var model = TempModel.Of(TestModels.Mixed());
            using var session = OnnxSession.Open(model.Path);

            // When it is run
            var error = Assert.Throws<ArgumentException>(() => session.Run(
            [
                InputTensor.Float32("color", new float[2], 2, 1),
                InputTensor.Float32("age", new float[4], 2, 2),
            ]));

            // Then one message lists all three problems
            Assert.Contains("input 'color' holds float values, but the model expects string", error.Message, StringComparison.Ordinal);
            Assert.Contains("input 'age' has shape [2,2], but the model expects [-1,1]", error.Message, StringComparison.Ordinal);
            Assert.Contains("input 'income'", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }

        [Fact]
        public void Should_refuse_the_same_input_twice()
        {
            // Given an input given twice
            using var model = TempModel.Of(TestModels.Regressor());
            using var session = OnnxSession.Open(model.Path);
            var x = InputTensor.Float32("x", new float[2], 1, 2);

            // When it is run / Then the duplicate is named
            var error = Assert.Throws<ArgumentException>(() => session.Run([x, x]));
            Assert.Contains("'x' is given more than once", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_null_string_and_a_null_pointer()
        {
            // Given the echo model
            using var model = TempModel.Of(TestModels.Echo());
            using var session = OnnxSession.Open(model.Path);

            // When a null string or a null UTF-8 pointer is fed
            var nullString = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Strings("text", ["a", null!], 2, 1)]));
            var nullPointer = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Utf8Strings("text", new nint[] { 0 }, 1, 1)]));

            // Then both are refused before ORT could read through them
            Assert.Contains("input 'text' value 1 is null", nullString.Message, StringComparison.Ordinal);
            Assert.Contains("null string pointer at index 0", nullPointer.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_explain_that_a_zipmap_output_cannot_be_read()
        {
            // Given a classifier with a ZipMap output
            using var model = TempModel.Of(TestModels.WithZipMap());
            using var session = OnnxSession.Open(model.Path);
            var input = InputTensor.Float32("float_input", new float[3], 1, 3);

            // When that output is requested
            var error = Assert.Throws<ArgumentException>(() => session.Run([input], ["output_probability"]));

            // Then the message names it and advises a re-export without ZipMap
            Assert.Contains("output 'output_probability' is a sequence, not a tensor", error.Message, StringComparison.Ordinal);
            Assert.Contains("without ZipMap", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_skip_a_zipmap_output_when_all_outputs_are_asked()
        {
            // Given the same classifier
            using var model = TempModel.Of(TestModels.WithZipMap());
            using var session = OnnxSession.Open(model.Path);

            // When every output is asked (null)
            var outputs = session.Run([InputTensor.Float32("float_input", new float[3], 1, 3)]);

            // Then the tensor outputs come back and the sequence is left out
            Assert.Equal(["label", "probabilities"], outputs.Select(o => o.Name));
        }

        [Fact]
        public void Should_name_an_unknown_output()
        {
            // Given a regressor
            using var model = TempModel.Of(TestModels.Regressor());
            using var session = OnnxSession.Open(model.Path);

            // When an output it lacks is asked
            var error = Assert.Throws<ArgumentException>(() => session.Run([InputTensor.Float32("x", new float[2], 1, 2)], ["probabilities"]));

            // Then the message lists the outputs it has
            Assert.Contains("no output named 'probabilities' (its outputs: 'variable')", error.Message, StringComparison.Ordinal);
        }
    }
}
