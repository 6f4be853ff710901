using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;
using ModelCert.Runtime.Tests.Support;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed partial class OnnxInspectorTests
{
    public sealed class Malformed
    {
        [Fact]
        public void Should_refuse_every_truncation_of_a_model_without_crashing()
        {
            // Given the test logistic regression and every proper prefix of it
            var bytes = TestModels.LogisticRegression().ToBytes();
            using var folder = new ModelFolder();
            var accepted = new List<int>();

            for (var length = 1; length < bytes.Length; length++)
            {
                // When the prefix is inspected
                folder.SaveBytes(bytes[..length]);
                if (folder.Violations().Count > 0)
                {
                    continue;
                }

                // Then it is refused, or it is a whole model (cut between top-level fields) that ONNX Runtime loads
                accepted.Add(length);
                using var session = OnnxSession.Open(folder.ModelPath);
            }

            Assert.True(accepted.Count <= 3, $"only cuts after the opset import may pass, but {accepted.Count} did: {string.Join(", ", accepted)}");
            folder.SaveBytes(bytes);
            Assert.Empty(folder.Violations());
        }

        [Fact]
        public void Should_name_the_byte_where_a_file_is_cut()
        {
            // Given a model cut in the middle of its graph
            var bytes = TestModels.LogisticRegression().ToBytes();
            using var folder = new ModelFolder();
            folder.SaveBytes(bytes[..(bytes.Length / 2)]);

            // When it is inspected
            var inspection = folder.Inspect();

            // Then it is incomplete and says it is not a valid model, at a byte
            Assert.False(inspection.Complete, "a cut file cannot be complete");
            Assert.Contains(inspection.Problems, p => p.StartsWith("the file is not a valid ONNX model: ", StringComparison.Ordinal) && p.Contains(" at byte ", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_survive_random_byte_flips()
        {
            // Given 2,000 copies of a model with external data, each with one to four random bytes changed (seeded)
            using var folder = new ModelFolder();
            folder.Data("w.bin", 12);
            var bytes = ModelFolder.WithExternalWeights(("location", "w.bin")).ToBytes();
            var random = new Random(20240601);
            var refused = 0;
            for (var trial = 0; trial < 2000; trial++)
            {
                var copy = (byte[])bytes.Clone();
                for (var flips = random.Next(1, 5); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                // When each is inspected and judged
                folder.SaveBytes(copy);
                var inspection = folder.Inspect();
                var violations = ModelInspectionLimits.Default.Violations(inspection);

                // Then nothing throws, and only the model file is ever opened
                Assert.Equal([folder.ModelPath], inspection.FilesOpened);
                refused += violations.Count > 0 ? 1 : 0;
            }

            Assert.True(refused > 0, "some corruptions must be refused");
        }

        [Fact]
        public void Should_refuse_a_field_declaring_two_to_the_forty_bytes()
        {
            // Given ir_version, then a graph field whose length says 2^40 bytes
            using var folder = new ModelFolder();
            folder.SaveBytes([0x08, 0x08, 0x3A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x00]);

            // When it is inspected, Then the declared length is named
            Assert.Contains(folder.Violations(), v => v.Contains("declares 1099511627776 bytes but only 1 remain", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_refuse_subgraphs_nested_beyond_the_depth_limit()
        {
            // Given 60 If nodes nested one inside the other's branch (180 message levels)
            var leaf = new OnnxModelBuilder().Node("Identity", ["c"], ["y"]).Output("y", TensorElementType.Bool, 1);
            var body = leaf;
            for (var level = 0; level < 60; level++)
            {
                body = new OnnxModelBuilder().Node("If", ["c"], ["y"], OnnxAttribute.Graph("then_branch", body), OnnxAttribute.Graph("else_branch", leaf)).Output("y", TensorElementType.Bool, 1);
            }

            using var folder = new ModelFolder();
            folder.Save(body.Opset(string.Empty, 13).Input("c", TensorElementType.Bool, 1));

            // When it is inspected, Then the depth is refused, not the stack overflowed
            Assert.Contains(folder.Violations(), v => v.Contains($"messages nest deeper than {InspectionWalker.MaxDepth} levels", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_refuse_deeply_nested_types()
        {
            // Given an input whose type is a sequence of a sequence of ... 200 levels deep
            var writer = new ProtobufWriter();
            writer.Varint(1, 8);
            writer.Message(8, opset => opset.Varint(2, 13));
            writer.Message(7, graph => graph.Message(11, value =>
            {
                value.String(1, "x");
                value.Message(2, type => Sequence(type, 200));
            }));
            using var folder = new ModelFolder();
            folder.SaveBytes(writer.ToArray());

            // When it is inspected, Then the depth is refused
            Assert.Contains(folder.Violations(), v => v.Contains("nest deeper", StringComparison.Ordinal));

            static void Sequence(ProtobufWriter type, int depth)
            {
                if (depth > 0)
                {
                    type.Message(4, sequence => sequence.Message(1, inner => Sequence(inner, depth - 1)));
                }
            }
        }

        [Fact]
        public void Should_refuse_an_empty_file_and_a_wrong_wire_type()
        {
            // Given an empty file, and one whose ir_version arrives as a string
            using var folder = new ModelFolder();
            folder.SaveBytes([]);
            var empty = folder.Violations();
            folder.SaveBytes([0x0A, 0x01, 0x41]);
            var wrong = folder.Violations();

            // Then each says what is wrong
            Assert.Contains(empty, v => v.Contains("the file is empty", StringComparison.Ordinal));
            Assert.Contains(wrong, v => v.Contains("field 1 has wire type 2, but its declaration needs 0", StringComparison.Ordinal));
        }
    }
}
