using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed partial class OnnxInspectorTests
{
    public sealed class ExternalData
    {
        [Fact]
        public void Should_accept_a_regular_file_inside_the_folder_and_record_it()
        {
            // Given weights in sub/w.bin (12 bytes, 3 floats) with offset 0 and length 12
            using var folder = new ModelFolder();
            folder.Data("sub/w.bin", 12);
            folder.Save(ModelFolder.WithExternalWeights(("location", "sub/w.bin"), ("offset", "0"), ("length", "12")));

            // When it is inspected
            var inspection = folder.Inspect();

            // Then nothing is refused, and the file and its size are recorded
            Assert.Empty(ModelInspectionLimits.Default.Violations(inspection));
            Assert.Equal([new ExternalDataReference("initializer 'W'", "sub/w.bin", 12)], inspection.ExternalData);
            Assert.Equal(12, inspection.ExternalBytes);
        }

        [Theory]
        [InlineData("../../etc/passwd", "outside the model's folder (the path climbs out with '..')")]
        [InlineData("sub/../../outside/w.bin", "climbs out with '..'")]
        [InlineData("..\\..\\etc\\passwd", "climbs out with '..'")]
        [InlineData("/etc/passwd", "which is an absolute path")]
        [InlineData("C:\\Windows\\win.ini", "which is an absolute path")]
        [InlineData("c:relative.bin", "which is an absolute path")]
        [InlineData("\\\\server\\share\\w.bin", "which is an absolute path")]
        [InlineData("//server/share/w.bin", "which is an absolute path")]
        [InlineData("", "an empty path")]
        [InlineData("w\n.bin", "control character")]
        [InlineData("absent.bin", "which does not exist")]
        public void Should_refuse_a_location_that_breaks_a_path_rule(string location, string expected)
        {
            // Given an initializer whose external location is hostile or wrong
            using var folder = new ModelFolder();
            folder.Save(ModelFolder.WithExternalWeights(("location", location)));

            // When it is inspected
            var violations = folder.Violations();

            // Then the initializer and the rule are named
            AssertRefused(violations, "initializer 'W' keeps its data in external file", expected);
        }

        [Theory]
        [InlineData(300, "a name longer than the file system allows")]
        [InlineData(5000, "a name longer than the file system allows")]
        public void Should_refuse_a_location_the_file_system_cannot_look_up(int length, string expected)
        {
            // Given an external location whose file name (or whole path) is longer than Linux allows (found by fuzzing)
            using var folder = new ModelFolder();
            var location = length > 1000 ? string.Join('/', Enumerable.Repeat(new string('d', 200), length / 200)) : new string('a', length);
            folder.Save(ModelFolder.WithExternalWeights(("location", location)));

            // When it is inspected, Then it is refused with the reason, never an exception
            AssertRefused(folder.Violations(), "initializer 'W' keeps its data in external file", expected);
        }

        [Fact]
        public void Should_refuse_a_symbolic_link_to_outside_without_opening_it()
        {
            // Given w.bin inside the folder linking to a pipe outside it
            using var folder = new ModelFolder();
            using var sentinel = new FifoSentinel(Path.Combine(folder.Outside, "pipe"));
            File.CreateSymbolicLink(Path.Combine(folder.Folder, "w.bin"), sentinel.Path);
            folder.Save(ModelFolder.WithExternalWeights(("location", "w.bin")));

            // When it is inspected
            var inspection = folder.Inspect();

            // Then the link is refused and the pipe was never opened
            AssertRefused(ModelInspectionLimits.Default.Violations(inspection), "which is a symbolic link");
            Assert.False(sentinel.WasOpened, "the inspector opened the file outside the model's folder");
            Assert.Equal([folder.ModelPath], inspection.FilesOpened);
        }

        [Fact]
        public void Should_refuse_a_path_through_a_linked_folder()
        {
            // Given sub/ inside the folder linking to the outside folder, which holds w.bin
            using var folder = new ModelFolder();
            File.WriteAllBytes(Path.Combine(folder.Outside, "w.bin"), new byte[12]);
            Directory.CreateSymbolicLink(Path.Combine(folder.Folder, "sub"), folder.Outside);
            folder.Save(ModelFolder.WithExternalWeights(("location", "sub/w.bin")));

            // When it is inspected, Then the linked folder is named
            AssertRefused(folder.Violations(), "whose folder 'sub' is a symbolic link");
        }

        [Fact]
        public void Should_refuse_a_hard_link()
        {
            // Given w.bin inside the folder hard-linked to a file outside it
            using var folder = new ModelFolder();
            var outside = Path.Combine(folder.Outside, "secret.bin");
            File.WriteAllBytes(outside, new byte[12]);
            FileSystemTraps.HardLink(outside, Path.Combine(folder.Folder, "w.bin"));
            folder.Save(ModelFolder.WithExternalWeights(("location", "w.bin")));

            // When it is inspected, Then the link count is named
            AssertRefused(folder.Violations(), "which has 2 hard links");
        }

        [Fact]
        public void Should_refuse_a_pipe_inside_the_folder_without_opening_it()
        {
            // Given w.bin inside the folder being a named pipe
            using var folder = new ModelFolder();
            using var sentinel = new FifoSentinel(Path.Combine(folder.Folder, "w.bin"));
            folder.Save(ModelFolder.WithExternalWeights(("location", "w.bin")));

            // When it is inspected
            var violations = folder.Violations();

            // Then it is not a regular file, and was not opened
            AssertRefused(violations, "which is not a regular file");
            Assert.False(sentinel.WasOpened, "the inspector opened the pipe");
        }

        [Theory]
        [InlineData("8", "16", "whose offset 8 and length 16 run past the file's 12 bytes")]
        [InlineData("13", null, "whose offset 13 lies past the file's 12 bytes")]
        [InlineData("-1", null, "whose offset '-1' is not a whole number of bytes")]
        [InlineData("0", "1e3", "whose length '1e3' is not a whole number of bytes")]
        public void Should_refuse_an_offset_or_length_beyond_the_file(string offset, string? length, string expected)
        {
            // Given a 12-byte file and a range that does not fit it
            using var folder = new ModelFolder();
            folder.Data("w.bin", 12);
            (string, string)[] entries = length is null ? [("location", "w.bin"), ("offset", offset)] : [("location", "w.bin"), ("offset", offset), ("length", length)];
            folder.Save(ModelFolder.WithExternalWeights(entries));

            // When it is inspected, Then the range is refused
            AssertRefused(folder.Violations(), expected);
        }

        [Fact]
        public void Should_find_external_data_in_attributes_sparse_tensors_and_subgraphs()
        {
            // Given hostile locations in a Constant's tensor, a sparse initializer's values, and an If branch's initializer
            using var folder = new ModelFolder();
            var hostile = OnnxTensor.External(TensorElementType.Float, [1], ("location", "../../etc/passwd"));
            var branch = new OnnxModelBuilder().Initializer("B", hostile).Node("Identity", ["B"], ["y"]).Output("y", TensorElementType.Float, 1);
            folder.Save(new OnnxModelBuilder()
                .Opset(string.Empty, 13)
                .Input("c", TensorElementType.Bool, 1)
                .SparseInitializer("S", hostile, OnnxTensor.Int64([0L]), 4)
                .Node("Constant", [], ["k"], OnnxAttribute.Tensor("value", hostile))
                .Node("If", ["c"], ["y"], OnnxAttribute.Graph("then_branch", branch), OnnxAttribute.Graph("else_branch", branch))
                .Output("y", TensorElementType.Float, 1));

            // When it is inspected
            var violations = folder.Violations();

            // Then every hiding place is named
            AssertRefused(
                violations,
                "attribute 'value' of node 'Constant_0' keeps its data",
                "values of sparse initializer 'S' keeps its data",
                "initializer 'B' in the subgraph 'then_branch' of node 'If_1' keeps its data",
                "initializer 'B' in the subgraph 'else_branch' of node 'If_1' keeps its data");
        }

        [Fact]
        public void Should_treat_external_entries_as_external_even_without_data_location()
        {
            // Given a tensor with an external_data location but data_location left at DEFAULT
            var writer = new ProtobufWriter();
            writer.Varint(1, 8);
            writer.Message(7, graph => graph.Message(5, tensor =>
            {
                tensor.Varint(1, 1);
                tensor.String(8, "W");
                tensor.Message(13, entry =>
                {
                    entry.String(1, "location");
                    entry.String(2, "/etc/passwd");
                });
            }));
            writer.Message(8, opset => opset.Varint(2, 13));
            using var folder = new ModelFolder();
            folder.SaveBytes(writer.ToArray());

            // When it is inspected, Then the hidden location is still judged
            AssertRefused(folder.Violations(), "initializer 'W' keeps its data in external file '/etc/passwd', which is an absolute path");
        }

        [Fact]
        public void Should_find_external_data_in_training_graphs_and_function_defaults()
        {
            // Given a training_info initialization graph and a local function's attribute default, both hostile
            var writer = new ProtobufWriter();
            writer.Varint(1, 8);
            writer.Message(8, opset => opset.Varint(2, 13));
            writer.Message(20, training => training.Message(1, graph => graph.Message(5, Hostile)));
            writer.Message(25, function =>
            {
                function.String(1, "f");
                function.String(10, "local");
                function.Message(11, attribute =>
                {
                    attribute.String(1, "alpha");
                    attribute.Message(5, Hostile);
                });
            });
            using var folder = new ModelFolder();
            folder.SaveBytes(writer.ToArray());

            // When it is inspected
            var inspection = folder.Inspect();

            // Then both are refused, and the function's domain is recorded
            AssertRefused(ModelInspectionLimits.Default.Violations(inspection), "in a training initialization graph keeps its data", "attribute 'alpha' of function 'f' keeps its data");
            Assert.Equal(["local"], inspection.FunctionDomains);

            static void Hostile(ProtobufWriter tensor)
            {
                tensor.String(8, "T");
                tensor.Message(13, entry =>
                {
                    entry.String(1, "location");
                    entry.String(2, "../secret");
                });
                tensor.Varint(14, 1);
            }
        }
    }
}

/// <summary>The pipe sentinel the "never opened" tests rely on does notice a reader.</summary>
public sealed class FifoSentinelTests
{
    [Fact]
    public void Should_notice_a_reader()
    {
        // Given a sentinel pipe
        using var folder = new ModelFolder();
        using var sentinel = new FifoSentinel(Path.Combine(folder.Outside, "pipe"));

        // When something opens it for reading
        using (new FileStream(sentinel.Path, FileMode.Open, FileAccess.Read))
        {
        }

        // Then the sentinel says so
        Assert.True(SpinWait.SpinUntil(() => sentinel.WasOpened, TimeSpan.FromSeconds(30)), "the reader went unnoticed");
    }
}
