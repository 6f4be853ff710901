using System.Text.Json;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// The robustness checks through certify on the shared reference models and their test splits: counterfactual flips
/// on adult_lr (which reads sex and race), the worst-slice search on adult, missing values the model cannot take as
/// a finding, and the decision checks on compas_rf (a random forest over one tensor) and german_lr (a declared proxy).
/// </summary>
public sealed class RobustnessTests
{
    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata:
          name: robustness-e2e
          version: 1.0.0
        defaults:
          confidence: 0.95
          on_fail: block
          on_uncertain: review
          min_sample: 30
        requirements:
          - id: counterfactual
            title: Counterfactual flips
            check: robustness.counterfactual-flip-rate
            params: { sample: 2000 }
            threshold: { max: 0.01 }
          - id: worst-slice
            title: Worst slice
            check: robustness.worst-slice
            params: { min_slice_size: 50 }
            threshold: { max: 0.1 }
          - id: noise
            title: Noise flips
            check: robustness.noise-flip-rate
            params: { sample: 1000, scale: [0.01, 0.1] }
            threshold: { max: 0.2 }
          - id: missing
            title: Missing values
            check: robustness.missing-flip-rate
            params: { sample: 1000, rate: 0.1 }
            threshold: { max: 0.2 }
          - id: evasion
            title: Evasion
            check: robustness.evasion-success-rate
            params: { sample: 200, epsilon: [0.01, 0.05], budget: 40, restarts: 2 }
            threshold: { max: 0.5 }
        """;

    public sealed class AdultLr
    {
        [Fact]
        public void Should_report_non_zero_counterfactual_flips_and_a_worst_slice_above_average()
        {
            // Given adult_lr, which reads sex and race, on adult's test split
            using var temp = new TempFolder();
            var card = new ModelCard("adult", "adult_lr");

            // When certify runs the robustness policy
            var results = Certify(temp, card, "income", ">50K", "sex,race");

            // Then counterfactual flips are measured for both attributes and are above zero
            var counterfactual = Checks(results, "robustness.counterfactual-flip-rate");
            Assert.Equal(["race", "sex"], counterfactual.Select(c => c.GetProperty("attribute").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(counterfactual, c => Assert.True(c.GetProperty("value").GetDouble() > 0, c.GetProperty("message").GetString()));

            // And the worst slice is significantly worse than the overall error
            var slice = Checks(results, "robustness.worst-slice").Single();
            var details = slice.GetProperty("details");
            var top = details.GetProperty("slices")[0];
            Assert.True(top.GetProperty("error").GetDouble() > details.GetProperty("overall_error").GetDouble(), top.ToString());
            Assert.True(top.GetProperty("q_value").GetDouble() <= 0.05, top.ToString());
            Assert.True(slice.GetProperty("value").GetDouble() > 0, slice.GetProperty("message").GetString());
            Assert.NotEmpty(details.GetProperty("drivers").EnumerateArray());

            // And missing text values are a finding (the model cannot take them), not a crash
            var missing = Checks(results, "robustness.missing-flip-rate").Single();
            Assert.Equal("fail", missing.GetProperty("outcome").GetString());
            Assert.Contains("cannot take missing values", missing.GetProperty("message").GetString(), StringComparison.Ordinal);

            // And the noise and evasion curves hold one point per setting
            Assert.Equal(2, Checks(results, "robustness.noise-flip-rate").Single().GetProperty("details").GetProperty("curve").GetArrayLength());
            Assert.Equal("epsilon", Checks(results, "robustness.evasion-success-rate").Single().GetProperty("details").GetProperty("curve_x").GetString());
        }
    }

    public sealed class CompasRf
    {
        [Fact]
        public void Should_run_the_decision_checks_and_skip_counterfactuals_the_model_cannot_see()
        {
            // Given compas_rf, a random forest over five numeric columns that reads neither race nor sex
            using var temp = new TempFolder();
            var card = new ModelCard("compas", "compas_rf");

            // When certify runs the robustness policy with race and sex protected
            var results = Certify(temp, card, "two_year_recid", "1", "race,sex");

            // Then counterfactuals are skipped with the reason, and the other checks measure a value
            var counterfactual = Checks(results, "robustness.counterfactual-flip-rate").Single();
            Assert.Equal("skipped", counterfactual.GetProperty("outcome").GetString());
            Assert.Contains("no protected attribute or declared proxy is a model input", counterfactual.GetProperty("message").GetString(), StringComparison.Ordinal);
            foreach (var id in new[] { "robustness.worst-slice", "robustness.noise-flip-rate", "robustness.evasion-success-rate" })
            {
                var check = Checks(results, id).Single();
                Assert.True(check.GetProperty("value").ValueKind == JsonValueKind.Number, check.ToString());
            }
        }
    }

    public sealed class GermanLr
    {
        [Fact]
        public void Should_flip_counterfactuals_through_a_declared_proxy()
        {
            // Given german_lr, which reads sex only through personal_status_sex, declared as a proxy
            using var temp = new TempFolder();
            var card = new ModelCard("german", "german_lr");

            // When certify runs the robustness policy
            var results = Certify(temp, card, "credit_risk", "1", "sex,age_group", ["--proxies", "personal_status_sex"]);

            // Then the proxy is evaluated (sex and age_group themselves are not model inputs) and its groups are listed
            var counterfactual = Checks(results, "robustness.counterfactual-flip-rate").Single();
            Assert.Equal("personal_status_sex", counterfactual.GetProperty("attribute").GetString());
            Assert.True(counterfactual.GetProperty("value").GetDouble() > 0, counterfactual.GetProperty("message").GetString());
            Assert.True(counterfactual.GetProperty("details").GetProperty("proxy").GetBoolean());
        }
    }

    private static JsonElement Certify(TempFolder temp, ModelCard card, string label, string positive, string attributes, string[]? extra = null)
    {
        var policy = temp.Write("robustness.yaml", Policy);
        var output = temp.File("out");
        string[] args =
        [
            "certify", "--model", card.ModelPath, "--data", card.TestCsv, "--label", label, "--positive", positive,
            "--protected", attributes, "--policy", policy, "--replicates", "200", "--out", output, "--format", "json",
        ];
        if (card.TensorColumns is { } columns)
        {
            args = [.. args, "--features", string.Join(",", columns)];
        }

        var result = CliRunner.Run([.. args, .. extra ?? []]);
        Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement;
    }

    private static List<JsonElement> Checks(JsonElement results, string id) =>
        [.. results.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("id").GetString() == id)];
}
