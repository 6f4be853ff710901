using ModelCert.Runtime.Tests.Support;
using ModelCert.Tests.Fuzzing;

using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed partial class OnnxSessionTests
{
    /// <summary>
    /// The memory limit bounds what a model allocates while it runs from values static inspection cannot see (here a
    /// ConstantOfShape of zeros), whether the shape is a constant or comes from the input; within the limit, results
    /// are those of an uncapped session.
    /// </summary>
    public sealed class Run_with_a_memory_limit
    {
        private const long Limit = 256L << 20;
        private static readonly float[] TwoRows = [1, 5, 2, -3, -1, -2];
        private static readonly float[] OneRow = [1, 5, 2];

        [Fact]
        public void Should_refuse_a_constant_shape_larger_than_the_limit()
        {
            // Given a model whose ConstantOfShape takes a constant shape of 1 GiB of floats, opened with a 256 MiB limit
            using var model = TempModel.OfBytes(MemoryHungryModels.ConstantShape(MemoryHungryModels.OneGibFloats));
            using var session = OnnxSession.Open(model.Path, new OnnxSessionOptions { MemoryLimit = Limit, MemoryLimitName = "--model-memory" });

            // When it is run
            var error = Assert.Throws<OnnxRuntimeException>(() => session.Run([InputTensor.Float32("x", TwoRows, 2, 3)]));

            // Then it fails (the memory was never taken), saying the model needs more than the limit, in one line
            Assert.Contains("the model needs more memory than --model-memory of 256 MiB allows: it asked for 1 GiB at once (node 'ConstantOfShape_0')", error.RuntimeMessage, StringComparison.Ordinal);
            Assert.Contains("raise --model-memory only for a model you trust", error.RuntimeMessage, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.RuntimeMessage);
        }

        [Fact]
        public void Should_refuse_a_shape_from_the_input_larger_than_the_limit()
        {
            // Given a model whose ConstantOfShape takes 2^27 floats per row from the input's shape, opened with a 256 MiB limit
            using var model = TempModel.OfBytes(MemoryHungryModels.ShapeFromInput(MemoryHungryModels.OneGibFloats / 2));
            using var session = OnnxSession.Open(model.Path, new OnnxSessionOptions { MemoryLimit = Limit });

            // When it is run on two rows (1 GiB)
            var error = Assert.Throws<OnnxRuntimeException>(() => session.Run([InputTensor.Float32("x", TwoRows, 2, 3)]));

            // Then it fails, naming the limit by its default name
            Assert.Contains("needs more memory than the memory limit of 256 MiB allows: it asked for 1 GiB at once", error.RuntimeMessage, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_give_the_uncapped_results_within_the_limit()
        {
            // Given a model allocating 4 MiB per row, opened with and without a limit
            using var model = TempModel.OfBytes(MemoryHungryModels.ShapeFromInput(1L << 20));
            using var capped = OnnxSession.Open(model.Path, new OnnxSessionOptions { MemoryLimit = Limit });
            using var uncapped = OnnxSession.Open(model.Path);

            // When both run the same two rows
            var withLimit = capped.Run([InputTensor.Float32("x", TwoRows, 2, 3)])[0].AsFloat32();
            var withoutLimit = uncapped.Run([InputTensor.Float32("x", TwoRows, 2, 3)])[0].AsFloat32();

            // Then the results agree, and are each row's largest value
            Assert.Equal([5f, -1f], withLimit);
            Assert.Equal(withoutLimit, withLimit);
        }

        [Fact]
        public void Should_keep_each_sessions_own_limit_when_another_limit_is_opened_later()
        {
            // Given a model allocating 32 MiB per row, opened with a 64 MiB limit and then with a 16 MiB one
            using var model = TempModel.OfBytes(MemoryHungryModels.ShapeFromInput(8L << 20));
            using var roomy = OnnxSession.Open(model.Path, new OnnxSessionOptions { MemoryLimit = 64L << 20 });
            using var tight = OnnxSession.Open(model.Path, new OnnxSessionOptions { MemoryLimit = 16L << 20 });

            // When each runs one row
            var roomyResult = roomy.Run([InputTensor.Float32("x", OneRow, 1, 3)])[0].AsFloat32();
            var error = Assert.Throws<OnnxRuntimeException>(() => tight.Run([InputTensor.Float32("x", OneRow, 1, 3)]));

            // Then the first still has its 64 MiB and the second is held to 16 MiB
            Assert.Equal([5f], roomyResult);
            Assert.Contains("of 16 MiB allows: it asked for 32 MiB at once", error.RuntimeMessage, StringComparison.Ordinal);
        }
    }
}
