using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests.Fuzzing;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// Valid ONNX models whose declared inputs, outputs, shapes or types ModelCert cannot use (or whose run-time outputs
/// contradict their declarations): score and certify refuse each with exit 2 and one line naming the model and the
/// problem, never an internal error.
/// </summary>
public sealed class HostileModelTests
{
    private const string Data = "a,b,c,group,label\n1,2,3,x,1\n4,5,6,y,0\n7,8,9,x,1\n2,1,0,y,0\n";

    public static TheoryData<string> Cases => [.. Models.Keys];

    /// <summary>Each model by name, with what its one-line refusal must say.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Build, string Expected)> Models = new(StringComparer.Ordinal)
    {
        ["rank-3 output"] = (() => Base().Initializer("shape", [-1L, 3, 1], 3).Node("Reshape", ["x", "shape"], ["y"]).Output("y", TensorElementType.Float, -1, 3, 1).ToBytes(),
            "has no output ModelCert can read as probabilities [N,C] or a prediction [N]"),
        ["sequence of maps output (ZipMap)"] = (() => Base().Node("ai.onnx.ml", "ZipMap", ["x"], ["probabilities"], OnnxAttribute.Ints("classlabels_int64s", 0, 1, 2))
            .Opset("ai.onnx.ml", 1).SequenceOfMapsOutput("probabilities", TensorElementType.Int64, TensorElementType.Float).ToBytes(), "ZipMap"),
        ["int8 input"] = (() => CastInput(TensorElementType.Int8).ToBytes(), "takes int8 tensors, which ModelCert cannot feed"),
        ["uint64 input"] = (() => CastInput(TensorElementType.UInt64).ToBytes(), "takes uint64 tensors, which ModelCert cannot feed"),
        ["float16 input"] = (() => CastInput(TensorElementType.Float16).ToBytes(), "takes float16 tensors, which ModelCert cannot feed"),
        ["no outputs"] = (() => WithoutOutputs(Base().Node("Identity", ["x"], ["y"]).Output("y", TensorElementType.Float, -1, 3)), "has no output ModelCert can read as probabilities [N,C] or a prediction [N]; outputs: none"),
        ["graph output is the input"] = (() => Base().Output("x", TensorElementType.Float, -1, 3).ToBytes(), "is its input 'x' itself"),
        ["string output only"] = (() => Base().Node("Cast", ["x"], ["y"], OnnxAttribute.Int("to", 8)).Output("y", TensorElementType.String, -1, 3).ToBytes(), "has no output ModelCert can read"),
        ["bfloat16 prediction"] = (() => Base().Node("ReduceMax", ["x"], ["s"], OnnxAttribute.Ints("axes", 1)).Node("Cast", ["s"], ["y"], OnnxAttribute.Int("to", 16))
            .Output("y", (TensorElementType)16, -1, 1).ToBytes(), "has no output ModelCert can read"),
        ["probabilities that come back for one row"] = (() => Base()
            .Node("Constant", [], ["probabilities"], OnnxAttribute.Tensor("value", OnnxTensor.Float([0.3f, 0.7f], 1, 2))).Output("probabilities", TensorElementType.Float, -1, 2).ToBytes(),
            "output 'probabilities' came back as [1,2] for 4 rows"),
        ["a node that fails at run time"] = (() => Base().Initializer("shape", [-1L, 5], 2).Node("Reshape", ["x", "shape"], ["y"]).Output("y", TensorElementType.Float, -1, 1).ToBytes(),
            "failed in ONNX Runtime on rows 1 to 4"),
        ["fixed batch dimension"] = (() => new OnnxModelBuilder().Opset(string.Empty, 13).Input("x", TensorElementType.Float, 1, 3)
            .Node("ReduceMax", ["x"], ["y"], OnnxAttribute.Ints("axes", 1)).Output("y", TensorElementType.Float, 1, 1).ToBytes(), "its first dimension must be dynamic (N)"),
    };

    public sealed class Score
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(HostileModelTests))]
        public void Should_refuse_the_model_with_one_line(string name)
        {
            // Given a model whose shapes or types ModelCert cannot use
            using var temp = new TempFolder();
            var (model, expected) = Save(temp, name);

            // When it scores the data
            var result = CliRunner.Run("score", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--out", temp.File("scores.csv"));

            // Then it exits 2 with one line naming the model and the problem, and writes nothing
            AssertRefused(result, expected);
            Assert.False(File.Exists(temp.File("scores.csv")), "no scores may be written");
        }
    }

    public sealed class Certify
    {
        [Theory]
        [MemberData(nameof(Cases), MemberType = typeof(HostileModelTests))]
        public void Should_refuse_the_model_with_one_line(string name)
        {
            // Given the same model in a certification
            using var temp = new TempFolder();
            var (model, expected) = Save(temp, name);

            // When it is certified
            var result = CliRunner.Run(
                "certify", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--label", "label", "--protected", "group",
                "--policy", "builtin:four-fifths", "--replicates", "0", "--out", temp.File("pack"));

            // Then it exits 2 with one line naming the model and the problem, and leaves no pack
            AssertRefused(result, expected);
            Assert.False(Directory.Exists(temp.File("pack")), "no pack may be written");
        }
    }

    private static (string Path, string Expected) Save(TempFolder temp, string name)
    {
        var (build, expected) = Models[name];
        var path = temp.File("model.onnx");
        File.WriteAllBytes(path, build());
        return (path, expected);
    }

    /// <summary>An opset 13 graph over <c>x</c>: float [N,3].</summary>
    private static OnnxModelBuilder Base() => new OnnxModelBuilder().Opset(string.Empty, 13).Input("x", TensorElementType.Float, -1, 3);

    /// <summary>A model reading <c>x</c> as <paramref name="type"/> [N,3] and taking each row's largest value as a float [N,1] prediction.</summary>
    private static OnnxModelBuilder CastInput(TensorElementType type) => new OnnxModelBuilder().Opset(string.Empty, 13)
        .Input("x", type, -1, 3)
        .Node("Cast", ["x"], ["f"], OnnxAttribute.Int("to", 1))
        .Node("ReduceMax", ["f"], ["prediction"], OnnxAttribute.Ints("axes", 1))
        .Output("prediction", TensorElementType.Float, -1, 1);

    /// <summary>The model with its graph outputs removed (the builder refuses to write such a model itself).</summary>
    private static byte[] WithoutOutputs(OnnxModelBuilder builder)
    {
        var model = ProtoMessage.Parse(builder.ToBytes(), "Model")!;
        model.Descendants().First(m => m.Type == "Graph").Fields.RemoveAll(f => f.Number == 12);
        return model.ToBytes();
    }

    private static void AssertRefused(CliResult result, string expected)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error", StringComparison.Ordinal) || l.StartsWith("internal", StringComparison.Ordinal)).ToList();
        Assert.True(result.ExitCode == 2, $"expected exit 2; {result}");
        Assert.True(lines.Count == 1, $"expected one error line; {result}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.True(lines[0].Contains(expected, StringComparison.Ordinal), $"the error should say \"{expected}\"; {result}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
