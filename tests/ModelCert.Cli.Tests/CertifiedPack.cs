using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// A real certification for the pack tests: the shared german_lr ONNX model on german's test split (300 rows),
/// protected attribute sex, 200 bootstrap replicates, in its own workspace so its log can be checked alone.
/// </summary>
internal sealed class CertifiedPack : IDisposable
{
    public CertifiedPack(params string[] extra)
    {
        Model = SharedData.Require("models/german/german_lr.onnx");
        Data = SharedData.Require("datasets/german/test.csv");
        Workspace = Temp.File("workspace");
        Pack = Temp.File("pack");
        Result = Certify(Pack, extra);
        Assert.True(Result.ExitCode is 0 or 3 or 4, Result.ToString());
    }

    public TempFolder Temp { get; } = new();

    public string Model { get; }

    public string Data { get; }

    public string Workspace { get; }

    public string Pack { get; }

    public CliResult Result { get; }

    public string PublicKey => Path.Combine(Workspace, "keys", "public.pem");

    /// <summary>certify into <paramref name="output"/> with this fixture's model, data and workspace.</summary>
    public CliResult Certify(string output, params string[] extra) => CliRunner.Run(
    [
        "certify", "--model", Model, "--data", Data, "--label", "credit_risk", "--positive", "1", "--protected", "sex",
        "--policy", "builtin:four-fifths", "--policy", "builtin:baseline", "--replicates", "200", "--seed", "7",
        "--workspace", Workspace, "--out", output, .. extra,
    ]);

    public void Dispose() => Temp.Dispose();
}
