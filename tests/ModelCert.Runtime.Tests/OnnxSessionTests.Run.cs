using ModelCert.Runtime.Tests.Support;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    public sealed class Run
    {
        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(1000)]
        [InlineData(65_537)]
        public void Should_score_batches_of_any_size_like_the_formula(int rows)
        {
            // Given a logistic regression and a batch of rows
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);
            var data = Rows(rows, seed: rows);

            // When the batch is run
            var outputs = session.Run([InputTensor.Float32("float_input", data, rows, 3)]);

            // Then labels and probabilities agree with the formula, row by row
            Assert.Equal(["label", "probabilities"], outputs.Select(o => o.Name));
            var labels = outputs[0].AsInt64();
            var probabilities = outputs[1].AsFloat32();
            Assert.Equal([rows], outputs[0].Shape);
            Assert.Equal([rows, 2], outputs[1].Shape);
            for (var i = 0; i < rows; i++)
            {
                var expected = TestModels.Probability(data.AsSpan(i * 3, 3));
                Assert.True(Math.Abs(probabilities[(2 * i) + 1] - expected) < 1e-6, $"row {i}: p = {probabilities[(2 * i) + 1]}, expected {expected}");
                Assert.True(Math.Abs(probabilities[2 * i] + probabilities[(2 * i) + 1] - 1) < 1e-6, $"row {i}: probabilities do not add up to 1");
                Assert.True(labels[i] == (expected > 0.5 ? 1 : 0), $"row {i}: label {labels[i]} for p = {expected}");
            }
        }

        [Fact]
        public void Should_run_an_empty_batch()
        {
            // Given a session and zero rows
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);

            // When an empty batch is run
            var outputs = session.Run([InputTensor.Float32("float_input", Array.Empty<float>(), 0, 3)]);

            // Then the outputs are empty with a zero batch dimension
            Assert.Equal([0], outputs[0].Shape);
            Assert.Empty(outputs[0].AsInt64());
            Assert.Equal([0, 2], outputs[1].Shape);
        }

        [Fact]
        public void Should_return_only_the_requested_outputs_in_the_requested_order()
        {
            // Given a session with outputs label and probabilities
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);
            float[] row = [1, 2, 3];

            // When only probabilities, then label, are asked
            var outputs = session.Run([InputTensor.Float32("float_input", row, 1, 3)], ["probabilities", "label"]);

            // Then they come back in that order
            Assert.Equal(["probabilities", "label"], outputs.Select(o => o.Name));
        }

        [Fact]
        public void Should_read_a_slice_of_a_larger_buffer()
        {
            // Given a buffer of 10 rows of which rows 4 and 5 are fed
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);
            var data = Rows(10, seed: 3);

            // When the slice is run
            var outputs = session.Run([InputTensor.Float32("float_input", data.AsMemory(12, 6), 2, 3)]);

            // Then the results are those of rows 4 and 5
            var probabilities = outputs[1].AsFloat32();
            Assert.True(Math.Abs(probabilities[1] - TestModels.Probability(data.AsSpan(12, 3))) < 1e-6, "row 4 was not scored");
            Assert.True(Math.Abs(probabilities[3] - TestModels.Probability(data.AsSpan(15, 3))) < 1e-6, "row 5 was not scored");
        }

        [Fact]
        public void Should_give_the_same_results_from_several_threads()
        {
            // Given one session and the single-threaded answer for a batch
            using var model = TempModel.Of(TestModels.LogisticRegression());
            using var session = OnnxSession.Open(model.Path);
            var data = Rows(500, seed: 11);
            var expected = session.Run([InputTensor.Float32("float_input", data, 500, 3)])[1].AsFloat32();

            // When eight threads run it at once
            var results = new float[8][];
            Parallel.For(0, 8, t => results[t] = session.Run([InputTensor.Float32("float_input", data, 500, 3)])[1].AsFloat32());

            // Then every thread got the same answer
            Assert.All(results, r => Assert.Equal(expected, r));
        }

        [Fact]
        public void Should_refuse_to_run_after_dispose()
        {
            // Given a disposed session
            using var model = TempModel.Of(TestModels.Regressor());
            var session = OnnxSession.Open(model.Path);
            session.Dispose();

            // When it is run
            // Then it says it is disposed instead of touching freed memory
            Assert.Throws<ObjectDisposedException>(() => session.Run([InputTensor.Float32("x", new float[] { 1, 2 }, 1, 2)]));
        }

        internal static float[] Rows(int rows, int seed)
        {
            var random = new Random(seed);
            var data = new float[rows * 3];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)((random.NextDouble() * 4) - 2);
            }

            return data;
        }
    }
}
