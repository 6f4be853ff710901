using System.Text.Json;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>The demo certifies the project's own sample: the proxy model is rejected, the compliant one certified.</summary>
public sealed class DemoTests
{
    public sealed class Demo
    {
        [Fact]
        public void Should_reject_the_proxy_model_and_certify_the_compliant_one()
        {
            // Given an empty folder
            using var temp = new TempFolder();

            // When the demo runs
            var result = CliRunner.Run("demo", "--out", temp.Path);

            // Then it succeeds, and each model's results.json holds the expected verdict and a named fairness reason
            Assert.True(result.ExitCode == 0, result.ToString());
            var biased = Verdict(temp, "loan-model-biased");
            var compliant = Verdict(temp, "loan-model-compliant");
            Assert.Equal("rejected", biased.GetProperty("verdict").GetString());
            Assert.Equal("certified", compliant.GetProperty("verdict").GetString());
            var failure = biased.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("outcome").GetString() == "fail");
            Assert.Equal("fairness.demographic-parity-ratio", failure.GetProperty("id").GetString());
            Assert.Contains("lowest selection rate female", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_write_the_same_sample_every_time()
        {
            using var first = new TempFolder();
            using var second = new TempFolder();
            Assert.Equal(0, CliRunner.Run("demo", "--out", first.Path).ExitCode);
            Assert.Equal(0, CliRunner.Run("demo", "--out", second.Path).ExitCode);
            foreach (var file in new[] { "loans.csv", "loan-model-biased.onnx", "loan-model-compliant.onnx" })
            {
                Assert.True(File.ReadAllBytes(first.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(file))), $"{file} differs between runs");
            }
        }
    }

    private static JsonElement Verdict(TempFolder temp, string model) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, model, "results.json"))).RootElement;
}
