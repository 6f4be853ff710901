using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// Hostile models made here are refused by certify and score with exit 2 and a message naming the file and the
/// violation, before ONNX Runtime loads them, and with nothing written and nothing outside the model's folder opened.
/// </summary>
public sealed class SecurityTests
{
    private const string Loans = "x1,x2,x3,approved\n1,2,3,1\n2,3,4,0\n3,4,5,1\n";

    /// <summary>The model's folder (model/), a folder beside it (outside/), data and output.</summary>
    private sealed class Workspace : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Workspace()
        {
            Folder = Directory.CreateDirectory(_temp.File("model")).FullName;
            Outside = Directory.CreateDirectory(_temp.File("outside")).FullName;
            Data = _temp.Write("loans.csv", Loans);
        }

        public string Folder { get; }

        public string Outside { get; }

        public string Data { get; }

        public string Output => _temp.File("out");

        public string Model => Path.Combine(Folder, "m.onnx");

        public CliResult Certify(params string[] extra) =>
            CliRunner.Run(["certify", "--model", Model, "--data", Data, "--label", "approved", "--features", "x1,x2,x3", "--out", Output, .. extra]);

        public void Dispose() => _temp.Dispose();
    }

    private static OnnxModelBuilder External(string location) =>
        new OnnxModelBuilder()
            .Opset(string.Empty, 13)
            .Input("x", TensorElementType.Float, -1, 3)
            .Initializer("W", OnnxTensor.External(TensorElementType.Float, [3, 2], ("location", location)))
            .Node("MatMul", ["x", "W"], ["probabilities"])
            .Output("probabilities", TensorElementType.Float, -1, 2);

    private static void AssertRefused(CliResult result, Workspace workspace, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = result.Error.Split('\n').First(l => l.Contains("m.onnx", StringComparison.Ordinal));
        Assert.Contains("is refused by static inspection", line, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Output), "nothing may be written for a refused model");
    }

    public sealed class Certify
    {
        [Fact]
        public void Should_refuse_external_data_climbing_to_etc_passwd()
        {
            using var workspace = new Workspace();
            External("../../etc/passwd").Save(workspace.Model);
            AssertRefused(workspace.Certify(), workspace, "initializer 'W' keeps its data in external file '../../etc/passwd', outside the model's folder");
        }

        [Fact]
        public void Should_refuse_external_data_at_an_absolute_path()
        {
            using var workspace = new Workspace();
            External("/etc/passwd").Save(workspace.Model);
            AssertRefused(workspace.Certify(), workspace, "'/etc/passwd', which is an absolute path");
        }

        [Fact]
        public void Should_refuse_a_symbolic_link_and_never_open_its_target()
        {
            // Given w.bin in the model's folder linking to a pipe outside it, and ../outside/pipe named directly
            using var workspace = new Workspace();
            using var sentinel = new FifoSentinel(Path.Combine(workspace.Outside, "pipe"));
            File.CreateSymbolicLink(Path.Combine(workspace.Folder, "w.bin"), sentinel.Path);

            // When certify and score are given the linking model, then the climbing one
            External("w.bin").Save(workspace.Model);
            var linked = workspace.Certify();
            var scored = CliRunner.Run("score", "--model", workspace.Model, "--data", workspace.Data, "--features", "x1,x2,x3", "--out", workspace.Output);
            External("../outside/pipe").Save(workspace.Model);
            var climbing = workspace.Certify();

            // Then all are refused, and the pipe outside was never opened
            AssertRefused(linked, workspace, "which is a symbolic link");
            AssertRefused(scored, workspace, "which is a symbolic link");
            AssertRefused(climbing, workspace, "outside the model's folder");
            Assert.False(sentinel.WasOpened, "a file outside the model's folder was opened");
        }

        [Fact]
        public void Should_refuse_a_hard_link_to_a_file_outside()
        {
            using var workspace = new Workspace();
            var secret = Path.Combine(workspace.Outside, "secret.bin");
            File.WriteAllBytes(secret, new byte[24]);
            FileSystemTraps.HardLink(secret, Path.Combine(workspace.Folder, "w.bin"));
            External("w.bin").Save(workspace.Model);
            AssertRefused(workspace.Certify(), workspace, "which has 2 hard links");
        }

        [Fact]
        public void Should_refuse_a_custom_operator_domain()
        {
            using var workspace = new Workspace();
            new OnnxModelBuilder()
                .Opset(string.Empty, 13).Opset("com.example.evil", 1)
                .Input("x", TensorElementType.Float, -1, 3)
                .Node("com.example.evil", "Exfiltrate", ["x"], ["probabilities"])
                .Output("probabilities", TensorElementType.Float, -1, 2)
                .Save(workspace.Model);
            AssertRefused(workspace.Certify(), workspace, "nodes use operator domain 'com.example.evil'");
        }

        [Fact]
        public void Should_refuse_a_truncated_file()
        {
            using var workspace = new Workspace();
            var bytes = External("w.bin").ToBytes();
            File.WriteAllBytes(workspace.Model, bytes[..(bytes.Length - 7)]);
            AssertRefused(workspace.Certify(), workspace, "the file is not a valid ONNX model");
        }

        [Fact]
        public void Should_refuse_a_two_to_the_forty_dimension()
        {
            using var workspace = new Workspace();
            new OnnxModelBuilder()
                .Opset(string.Empty, 13)
                .Input("x", TensorElementType.Float, 1L << 40, 3)
                .Node("Identity", ["x"], ["probabilities"])
                .Output("probabilities", TensorElementType.Float, -1, 2)
                .Save(workspace.Model);
            AssertRefused(workspace.Certify(), workspace, "input 'x' has a dimension of 1099511627776");
        }

        [Fact]
        public void Should_refuse_a_huge_declared_length()
        {
            using var workspace = new Workspace();
            File.WriteAllBytes(workspace.Model, [0x08, 0x08, 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00]);
            AssertRefused(workspace.Certify(), workspace, "declares 4294967295 bytes");
        }

        [Fact]
        public void Should_apply_the_policys_limits_before_loading()
        {
            // Given a clean model and a policy allowing at most 3 nodes and IR 3 to 7
            using var workspace = new Workspace();
            OnnxModelBuilder.LogisticRegression([0.1f, 0.2f, 0.3f], 0f).Save(workspace.Model);
            var policy = Path.Combine(workspace.Outside, "tight.yaml");
            File.WriteAllText(policy, """
                apiVersion: modelcert/v1
                kind: Policy
                metadata: { name: tight, version: 1.0.0 }
                requirements:
                  - id: small-model
                    title: Small models only
                    check: security.model-inspection
                    params: { max_nodes: 3, ir_versions: [3, 7] }
                    threshold: { max: 0 }
                """);

            // When certify runs with it
            var result = workspace.Certify("--policy", policy);

            // Then the model is refused by those limits, before loading
            AssertRefused(result, workspace, "above the limit of 3 (max_nodes)", "IR version 8 is outside the allowed 3 to 7");
        }
    }

    public sealed class Score
    {
        [Fact]
        public void Should_refuse_a_hostile_model_before_scoring()
        {
            using var workspace = new Workspace();
            External("../../etc/passwd").Save(workspace.Model);
            var result = CliRunner.Run("score", "--model", workspace.Model, "--data", workspace.Data, "--features", "x1,x2,x3", "--out", workspace.Output);
            AssertRefused(result, workspace, "outside the model's folder");
            Assert.False(File.Exists(workspace.Output), "no scores may be written");
        }
    }
}
