using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// certify runs the explainability family on the shared reference models (the first 1,500 rows of each test split,
/// modest samples so the suite stays fast): every check produces a measurement, and proxy detection finds the
/// proxies the datasets are known for.
/// </summary>
public sealed class ExplainabilityTests
{
    private const int Rows = 1500;

    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata:
          name: explainability-test
          version: 1.0.0
        defaults:
          min_sample: 1
          on_fail: block
          on_uncertain: review
        requirements:
          - id: importance
            check: explainability.permutation-importance
            params: { sample: 1000, repeats: 3 }
            threshold: { max: 0.9 }
          - id: shap
            check: explainability.kernel-shap
            params: { sample: 40, background: 20, samples: 64 }
            threshold: { max: 0.2 }
          - id: reasons
            check: explainability.adverse-action-stability
            params: { sample: 30, background: 20, samples: 64, reasons: 3, scale: 0.05 }
            threshold: { min: 0.5 }
          - id: drivers
            check: explainability.protected-top-drivers
            params: { k: 3, sample: 40, background: 20, samples: 64 }
            threshold: { max: 0 }
          - id: proxies
            check: explainability.proxy-strength
            params: { measure: auc, intersections: false }
            threshold: { max: 0.8 }
        """;

    public static TheoryData<string, string, string, string, string> Models => new()
    {
        { "adult", "adult_lr", "income", ">50K", "sex,race" },
        { "compas", "compas_rf", "two_year_recid", "1", "race,sex,age_cat" },
        { "german", "german_lr", "credit_risk", "1", "sex,age_group" },
    };

    public sealed class Certify
    {
        [Theory]
        [MemberData(nameof(Models), MemberType = typeof(ExplainabilityTests))]
        public void Should_measure_every_explainability_check_on_a_real_model(string dataset, string model, string label, string positive, string protectedAttributes)
        {
            // Given a reference model, the head of its test split and a policy with all five checks
            using var temp = new TempFolder();
            var card = new ModelCard(dataset, model);
            var results = Run(temp, card, label, positive, protectedAttributes);

            // Then each check has a value (none skipped or in error), importance lists cover every model input, and
            // adverse-action examples name rows by index only
            var checks = Checks(results);
            foreach (var id in new[] { "importance", "shap", "reasons", "drivers" })
            {
                var check = checks.Single(c => c.GetProperty("requirement").GetString() == id);
                Assert.True(check.GetProperty("value").ValueKind == JsonValueKind.Number, $"{model} {id}: {check}");
            }

            var features = card.TensorColumns ?? InputColumns(card);
            foreach (var id in new[] { "importance", "shap" })
            {
                var importance = Detail(checks, id, "importance").EnumerateArray().ToList();
                Assert.Equal(features.Order(StringComparer.Ordinal), importance.Select(i => i.GetProperty("feature").GetString()!).Order(StringComparer.Ordinal));
                var values = importance.Select(i => i.GetProperty("value").GetDouble()).ToList();
                Assert.Equal(values.OrderByDescending(v => v), values);
            }

            foreach (var example in Detail(checks, "reasons", "examples").EnumerateArray())
            {
                Assert.Equal(["reasons", "row", "stable"], example.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                Assert.All(example.GetProperty("reasons").EnumerateArray(), r => Assert.Contains(r.GetString()!, features));
            }

            var proxies = checks.Where(c => c.GetProperty("requirement").GetString() == "proxies").ToList();
            Assert.Equal(protectedAttributes.Split(',').Order(StringComparer.Ordinal), proxies.Select(p => p.GetProperty("attribute").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(proxies, p => Assert.True(p.GetProperty("value").ValueKind == JsonValueKind.Number, p.ToString()));
        }

        [Fact]
        public void Should_flag_relationship_or_marital_status_as_a_proxy_for_sex_on_adult()
        {
            // Given adult_lr and its test data with sex and race protected
            using var temp = new TempFolder();
            var results = Run(temp, new ModelCard("adult", "adult_lr"), "income", ">50K", "sex,race");

            // When proxy strength is measured by cross-fitted AUC against a 0.8 ceiling
            var sex = Checks(results).Single(c => c.GetProperty("requirement").GetString() == "proxies" && c.GetProperty("attribute").GetString() == "sex");

            // Then relationship or marital-status is flagged and the requirement fails
            var drivers = sex.GetProperty("details").GetProperty("drivers").EnumerateArray().Select(d => d.GetString()!).ToList();
            Assert.True(drivers.Contains("relationship") || drivers.Contains("marital-status"), $"drivers: {string.Join(", ", drivers)}");
            Assert.Equal("fail", sex.GetProperty("outcome").GetString());
        }

        [Fact]
        public void Should_flag_personal_status_as_a_proxy_for_sex_on_german()
        {
            // Given german_lr, whose sex column is derived from personal_status_sex
            using var temp = new TempFolder();
            var results = Run(temp, new ModelCard("german", "german_lr"), "credit_risk", "1", "sex,age_group");

            // Then personal_status_sex predicts sex almost perfectly and age predicts age_group
            var checks = Checks(results).Where(c => c.GetProperty("requirement").GetString() == "proxies").ToDictionary(c => c.GetProperty("attribute").GetString()!);
            Assert.Contains("personal_status_sex", checks["sex"].GetProperty("details").GetProperty("drivers").EnumerateArray().Select(d => d.GetString()));
            Assert.Contains("age", checks["age_group"].GetProperty("details").GetProperty("drivers").EnumerateArray().Select(d => d.GetString()));
        }

        [Fact]
        public void Should_skip_model_checks_but_measure_proxies_in_predictions_mode()
        {
            // Given scikit-learn's predictions for compas_rf instead of the model
            using var temp = new TempFolder();
            var policy = temp.Write("policy.yaml", Policy);
            var result = CliRunner.Run(
                "certify", "--data", SharedData.Require("datasets/compas/test.csv"), "--predictions", SharedData.Require("models/compas/compas_rf.sklearn_test_predictions.csv"),
                "--id-column", "row_id", "--score-column", "proba", "--label", "two_year_recid", "--positive", "1", "--protected", "sex",
                "--features", "age,priors_count,juv_fel_count,juv_misd_count,juv_other_count", "--policy", policy, "--replicates", "100", "--out", temp.File("out"), "--format", "json");
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            var checks = Checks(JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement);

            // Then the four model checks are skipped with the reason and proxy strength has a value
            foreach (var id in new[] { "importance", "shap", "reasons", "drivers" })
            {
                var check = checks.Single(c => c.GetProperty("requirement").GetString() == id);
                Assert.Equal("skipped", check.GetProperty("outcome").GetString());
            }

            Assert.Equal(JsonValueKind.Number, checks.Single(c => c.GetProperty("requirement").GetString() == "proxies").GetProperty("value").ValueKind);
        }
    }

    private static JsonElement Run(TempFolder temp, ModelCard card, string label, string positive, string protectedAttributes)
    {
        var head = File.ReadLines(card.TestCsv).Take(Rows + 1);
        var data = temp.Write("test.csv", string.Join('\n', head) + "\n");
        var policy = temp.Write("policy.yaml", Policy);
        string[] args =
        [
            "certify", "--model", card.ModelPath, "--data", data, "--label", label, "--positive", positive, "--protected", protectedAttributes,
            "--policy", policy, "--replicates", "200", "--out", temp.File("out"), "--format", "json",
        ];
        if (card.TensorColumns is { } columns)
        {
            args = [.. args, "--features", string.Join(",", columns)];
        }

        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
        return JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement;
    }

    private static List<JsonElement> Checks(JsonElement results) => [.. results.GetProperty("checks").EnumerateArray()];

    private static JsonElement Detail(List<JsonElement> checks, string requirement, string key) =>
        checks.Single(c => c.GetProperty("requirement").GetString() == requirement).GetProperty("details").GetProperty(key);

    /// <summary>The data columns of a model with one input per column, from its card.</summary>
    private static List<string> InputColumns(ModelCard card)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Require($"models/{card.Dataset}/{card.Model}.model.json")));
        return [.. json.RootElement.GetProperty("onnx_input_to_csv_column").EnumerateObject().Select(p => p.Value.GetString()!)];
    }
}
