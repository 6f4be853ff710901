using ModelCert.Tests.Fuzzing;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// <c>--model-memory</c> bounds what a model allocates while it runs from values static inspection cannot bound: a
/// ConstantOfShape of 1 GiB, its shape a constant or computed from the input, is refused under a 256 MiB limit with
/// exit 2 and one line naming the model and the limit, before the memory is taken.
/// </summary>
public sealed class ModelMemoryTests
{
    private const string Data = "a,b,c,group,label\n1,2,3,x,1\n4,5,6,y,0\n7,8,9,x,1\n2,1,0,y,0\n";

    public static TheoryData<string> Models => ["constant shape", "shape from the input"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_refuse_scoring_a_model_that_needs_more_than_the_limit(string name)
    {
        // Given a model allocating 1 GiB while it runs on the 4 rows
        using var temp = new TempFolder();
        var model = Save(temp, name);

        // When it scores them under a 256 MiB limit
        var result = CliRunner.Run(
            "score", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--out", temp.File("scores.csv"), "--model-memory", "256MiB");

        // Then it exits 2 with one line naming the model and the limit, and writes no scores
        AssertRefused(result, model);
        Assert.False(File.Exists(temp.File("scores.csv")), "no scores may be written");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_refuse_certifying_a_model_that_needs_more_than_the_limit(string name)
    {
        // Given the same model in a certification
        using var temp = new TempFolder();
        var model = Save(temp, name);

        // When it is certified under a 256 MiB limit
        var result = CliRunner.Run(
            "certify", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--label", "label", "--protected", "group",
            "--policy", "builtin:four-fifths", "--replicates", "0", "--out", temp.File("pack"), "--model-memory", "256MiB");

        // Then it exits 2 with one line naming the model and the limit, and leaves no pack
        AssertRefused(result, model);
        Assert.False(Directory.Exists(temp.File("pack")), "no pack may be written");
    }

    [Fact]
    public void Should_score_a_model_within_the_limit()
    {
        // Given a model allocating 4 MiB per row, 16 MiB for the 4 rows
        using var temp = new TempFolder();
        var model = temp.File("model.onnx");
        File.WriteAllBytes(model, MemoryHungryModels.ShapeFromInput(1L << 20));

        // When it scores them under a 64 MiB limit
        var result = CliRunner.Run(
            "score", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--out", temp.File("scores.csv"), "--model-memory", "64MiB");

        // Then it succeeds with each row's largest value as its score
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["row,label,score", "0,,3", "1,,6", "2,,9", "3,,2"], File.ReadAllLines(temp.File("scores.csv")));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-1GiB")]
    public void Should_refuse_a_size_it_cannot_read(string size)
    {
        // Given a --model-memory that is not a positive memory size
        using var temp = new TempFolder();
        var model = Save(temp, "constant shape");

        // When score is asked to use it
        var result = CliRunner.Run(
            "score", "--model", model, "--data", temp.Write("d.csv", Data), "--features", "a,b,c", "--out", temp.File("scores.csv"), "--model-memory", size);

        // Then it exits 2 naming the flag
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--model-memory", result.Error, StringComparison.Ordinal);
    }

    private static string Save(TempFolder temp, string name)
    {
        var path = temp.File("model.onnx");
        File.WriteAllBytes(path, name == "constant shape"
            ? MemoryHungryModels.ConstantShape(MemoryHungryModels.OneGibFloats)
            : MemoryHungryModels.ShapeFromInput(MemoryHungryModels.OneGibFloats / 4));
        return path;
    }

    private static void AssertRefused(CliResult result, string model)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error", StringComparison.Ordinal) || l.StartsWith("internal", StringComparison.Ordinal)).ToList();
        Assert.True(result.ExitCode == 2, $"expected exit 2; {result}");
        Assert.True(lines.Count == 1, $"expected one error line; {result}");
        Assert.StartsWith($"error: model '{model}'", lines[0], StringComparison.Ordinal);
        Assert.Contains("needs more memory than --model-memory of 256 MiB allows: it asked for 1 GiB at once", lines[0], StringComparison.Ordinal);
        Assert.Contains("raise --model-memory only for a model you trust", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
