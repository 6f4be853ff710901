using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Explainability;

public sealed class ProxyStrengthCheckTests
{
    private const string Id = "explainability.proxy-strength";

    /// <summary>
    /// 2,000 rows: attribute g (m/f), 'copy' = g's values under another name, 'noise' unrelated numbers, 'shifted' =
    /// a number whose mean depends on g, and 'colour' an unrelated category. No model (predictions mode).
    /// </summary>
    private static EvaluationData Data()
    {
        const int rows = 2000;
        var random = new SeededRandom(5);
        var groups = new StringDictionary();
        var codes = Enumerable.Range(0, rows).Select(_ => groups.GetOrAdd(random.NextDouble() < 0.4 ? "f" : "m")).ToArray();
        var colours = new StringDictionary();
        var frame = new Frame(
            [
                new StringColumn("g", codes, groups),
                new StringColumn("copy", [.. codes], groups),
                new Float64Column("noise", [.. Enumerable.Range(0, rows).Select(_ => ExplainData.Gaussian(random))]),
                new Float64Column("shifted", [.. codes.Select(c => c + ExplainData.Gaussian(random))]),
                new StringColumn("colour", [.. Enumerable.Range(0, rows).Select(_ => colours.GetOrAdd(random.NextInt(4).ToString(System.Globalization.CultureInfo.InvariantCulture)))], colours),
            ],
            rows);
        var data = ExplainData.Data(frame, model: null, attributes: [ExplainData.Attribute(frame, "g")]);
        return data;
    }

    private static Dictionary<string, double> Strengths(CheckResult result) =>
        Expect.Detail<List<Dictionary<string, object?>>>(result, "strengths", "strengths").ToDictionary(s => (string)s["feature"]!, s => (double)s["value"]!);

    public sealed class Evaluate
    {
        [Fact]
        public void Should_find_a_copied_attribute_at_auc_one_and_noise_near_one_half()
        {
            // Given the data, with no model
            var data = Data();

            // When proxy strength is measured by AUC with a 0.8 ceiling
            var result = Expect.Single(new ProxyStrengthCheck().Evaluate(data, ExplainData.AtMost(Id, 0.8)), "proxy strength");

            // Then the copy scores ~1 and is the only driver, noise ~0.5, the attribute itself is left out
            var strengths = Strengths(result);
            Assert.True(strengths["copy"] > 0.99, $"copy {strengths["copy"]}");
            Assert.InRange(strengths["noise"], 0.5, 0.55);
            Assert.InRange(strengths["colour"], 0.5, 0.56);
            Assert.InRange(strengths["shifted"], 0.7, 0.8);
            Assert.False(strengths.ContainsKey("g"), "the attribute is not its own proxy");
            Expect.Sequence(["copy"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "flagged");
            Expect.Outcome(Outcome.Fail, result, "a perfect proxy misses 0.8");
            Expect.Equal("g", result.Attribute, "one result per attribute");
            Assert.Equal(strengths["copy"], result.Value);
        }

        [Fact]
        public void Should_find_a_copied_attribute_at_nmi_one_and_noise_near_zero()
        {
            // Given the data
            var data = Data();

            // When proxy strength is measured by normalised mutual information
            var result = Expect.Single(new ProxyStrengthCheck().Evaluate(data, ExplainData.AtMost(Id, 0.3, ("measure", "nmi"))), "proxy strength");

            // Then the copy is 1, unrelated columns near 0, and the interval holds the value
            var strengths = Strengths(result);
            Assert.Equal(1, strengths["copy"], 9);
            Assert.InRange(strengths["noise"], 0, 0.02);
            Assert.InRange(strengths["colour"], 0, 0.02);
            Assert.True(result.Ci![0] <= result.Value && result.Value <= result.Ci[1], "value inside its interval");
        }

        [Fact]
        public void Should_use_the_listed_features_and_name_missing_ones()
        {
            var data = Data();
            var listed = Expect.Single(new ProxyStrengthCheck().Evaluate(data, ExplainData.AtMost(Id, 0.8, ("features", new List<string> { "noise" }))), "listed");
            Expect.Sequence(["noise"], Strengths(listed).Keys, "only the listed feature");
            Expect.Outcome(Outcome.Pass, listed, "noise is no proxy");

            var missing = Expect.Single(new ProxyStrengthCheck().Evaluate(data, ExplainData.AtMost(Id, 0.8, ("features", new List<string> { "zip" }))), "missing");
            Expect.Outcome(Outcome.Error, missing, "unknown column");
            Expect.Contains("'zip'", missing.Message, "names it");
        }
    }
}
