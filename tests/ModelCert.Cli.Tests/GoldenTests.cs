using System.Globalization;
using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// certify reproduces the shared goldens (scikit-learn and fairlearn on the real datasets and models): every
/// performance number, every per-group rate and count, and every disparity. Predictions mode reads scikit-learn's
/// own probabilities (tolerance 1e-9); ONNX mode scores with our runtime (1e-6, identical confusion matrices).
/// </summary>
public sealed class GoldenTests
{
    private static readonly string[] PerformanceFields = ["n", "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss", "brier", "base_rate", "selection_rate"];
    private static readonly string[] GroupFields = ["selection_rate", "tpr", "fpr", "fnr", "accuracy", "count"];
    private static readonly string[] DisparityFields =
    [
        "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference", "equalized_odds_ratio",
        "equal_opportunity_difference", "equal_opportunity_ratio", "fpr_difference", "accuracy_difference",
    ];

    public static TheoryData<string> Goldens => new() { "adult_lr", "adult_xgb", "bank_gb", "bank_xgb", "compas_rf", "german_lr" };

    public sealed class PredictionsMode
    {
        [Theory]
        [MemberData(nameof(Goldens), MemberType = typeof(GoldenTests))]
        public void Should_reproduce_every_golden_number_within_1e_9(string model)
        {
            // Given scikit-learn's predictions for the model's test split
            var golden = Golden.Load(model);
            using var temp = new TempFolder();

            // When certify reads them with the fairlearn profile
            var results = Certify(golden, temp, golden.TestCsv, ["--predictions", golden.PredictionsCsv, "--id-column", "row_id", "--score-column", "proba"], "fairlearn");

            // Then every number agrees to 1e-9
            golden.AssertMatches(results, 1e-9, exactConfusion: true);
        }
    }

    public sealed class OnnxMode
    {
        [Theory]
        [MemberData(nameof(Goldens), MemberType = typeof(GoldenTests))]
        public void Should_reproduce_every_golden_number_within_1e_6(string model)
        {
            // Given the ONNX model itself
            var golden = Golden.Load(model);
            var card = new ModelCard(golden.Dataset, model);
            using var temp = new TempFolder();
            string[] args = ["--model", card.ModelPath];
            if (card.TensorColumns is { } columns)
            {
                args = [.. args, "--features", string.Join(",", columns)];
            }

            // When certify scores the test split through ONNX Runtime
            var results = Certify(golden, temp, golden.TestCsv, args, "fairlearn");

            // Then threshold metrics match exactly and score metrics within 1e-6
            golden.AssertMatches(results, 1e-6, exactConfusion: true);
        }
    }

    public sealed class StrictProfile
    {
        [Fact]
        public void Should_report_null_where_the_golden_lists_undefined_rates()
        {
            // Given compas_rf, whose race x sex intersection has groups without positive or negative labels
            var golden = Golden.Load("compas_rf");
            using var temp = new TempFolder();

            // When certify runs with the default strict profile
            var results = Certify(golden, temp, golden.TestCsv, ["--predictions", golden.PredictionsCsv, "--id-column", "row_id", "--score-column", "proba"], "strict");

            // Then exactly the undefined rates are null, and the defined ones still match
            var groups = results.GetProperty("metrics").GetProperty("fairness").GetProperty("race|sex").GetProperty("groups");
            Assert.Equal(JsonValueKind.Null, groups.GetProperty("Native American|Female").GetProperty("fpr").ValueKind);
            Assert.Equal(JsonValueKind.Null, groups.GetProperty("Other|Female").GetProperty("tpr").ValueKind);
            Assert.Equal(JsonValueKind.Null, groups.GetProperty("Other|Female").GetProperty("fnr").ValueKind);
            Assert.Equal(0.1111111111111111, groups.GetProperty("Other|Female").GetProperty("fpr").GetDouble(), 1e-12);
            var undefined = results.GetProperty("metrics").GetProperty("fairness").GetProperty("race|sex").GetProperty("undefined_rates")
                .EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains("Native American|Female: fpr", undefined);
            Assert.Contains("Other|Female: tpr", undefined);
        }
    }

    public sealed class RestrictedView
    {
        [Fact]
        public void Should_reproduce_the_african_american_vs_caucasian_view()
        {
            // Given compas test rows restricted to two races
            var golden = Golden.Load("compas_rf");
            using var temp = new TempFolder();
            var lines = File.ReadAllLines(golden.TestCsv);
            var race = Array.IndexOf(lines[0].Split(','), "race");
            var kept = lines.Take(1).Concat(lines.Skip(1).Where(l => l.Split(',')[race] is "African-American" or "Caucasian"));
            var restricted = temp.Write("restricted.csv", string.Join("\n", kept) + "\n");

            // When certify evaluates race on them
            var results = Certify(golden, temp, restricted, ["--predictions", golden.PredictionsCsv, "--id-column", "row_id", "--score-column", "proba"], "fairlearn", ["race"]);

            // Then the disparities match the golden's restricted view
            var expected = golden.Root.GetProperty("fairness").GetProperty("race (African-American vs Caucasian only)");
            var actual = results.GetProperty("metrics").GetProperty("fairness").GetProperty("race");
            foreach (var field in DisparityFields)
            {
                Golden.AssertClose(expected.GetProperty(field).GetDouble(), actual.GetProperty(field), 1e-9, $"restricted race {field}");
            }
        }
    }

    private static JsonElement Certify(Golden golden, TempFolder temp, string data, string[] scoring, string profile, string[]? attributes = null)
    {
        var output = temp.File("out");
        string[] args =
        [
            "certify", "--data", data, "--label", golden.Label, "--positive", golden.Positive,
            "--protected", string.Join(",", attributes ?? golden.Attributes), "--profile", profile, "--policy", "builtin:four-fifths",
            "--replicates", "200", "--out", output, "--format", "json", .. scoring,
        ];
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement;
    }

    private sealed record Golden(string Model, string Dataset, JsonElement Root, string TestCsv, string PredictionsCsv, string Label, string Positive, string[] Attributes)
    {
        public static Golden Load(string model)
        {
            var path = SharedData.Require($"goldens/{model}.json");
            var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var folder = Path.GetDirectoryName(path)!;
            var fairness = root.GetProperty("fairness").EnumerateObject().Select(p => p.Name).ToList();
            var intersection = fairness.Single(n => n.Contains(" x ", StringComparison.Ordinal));
            var positive = root.GetProperty("positive_label_value");
            return new Golden(
                model,
                root.GetProperty("dataset").GetString()!,
                root,
                Path.GetFullPath(Path.Combine(folder, root.GetProperty("test_csv").GetString()!)),
                Path.GetFullPath(Path.Combine(folder, root.GetProperty("predictions_csv").GetString()!)),
                root.GetProperty("label_column").GetString()!,
                positive.ValueKind == JsonValueKind.String ? positive.GetString()! : positive.GetRawText(),
                [.. intersection.Split(" x ").Union(fairness.Where(n => !n.Contains(' ', StringComparison.Ordinal)))]);
        }

        public void AssertMatches(JsonElement results, double tolerance, bool exactConfusion)
        {
            var expected = Root.GetProperty("performance");
            var actual = results.GetProperty("metrics").GetProperty("performance");
            foreach (var field in PerformanceFields)
            {
                AssertClose(expected.GetProperty(field).GetDouble(), actual.GetProperty(field), tolerance, $"{Model} performance.{field}");
            }

            AssertConfusion(expected.GetProperty("confusion_matrix"), actual.GetProperty("confusion_matrix"), $"{Model} performance", exactConfusion);
            foreach (var attribute in Root.GetProperty("fairness").EnumerateObject().Where(a => !a.Name.Contains('(', StringComparison.Ordinal)))
            {
                var key = attribute.Name.Replace(" x ", "|", StringComparison.Ordinal);
                var ours = results.GetProperty("metrics").GetProperty("fairness").GetProperty(key);
                foreach (var field in DisparityFields)
                {
                    AssertClose(attribute.Value.GetProperty(field).GetDouble(), ours.GetProperty(field), tolerance, $"{Model} {key}.{field}");
                }

                var groups = attribute.Value.GetProperty("groups").EnumerateObject().ToList();
                Assert.Equal(groups.Count, ours.GetProperty("groups").EnumerateObject().Count());
                foreach (var group in groups)
                {
                    var mine = ours.GetProperty("groups").GetProperty(group.Name);
                    foreach (var field in GroupFields)
                    {
                        AssertClose(group.Value.GetProperty(field).GetDouble(), mine.GetProperty(field), tolerance, $"{Model} {key}[{group.Name}].{field}");
                    }

                    AssertConfusion(group.Value.GetProperty("confusion_matrix"), mine.GetProperty("confusion_matrix"), $"{Model} {key}[{group.Name}]", exactConfusion);
                }
            }
        }

        public static void AssertClose(double expected, JsonElement actual, double tolerance, string what)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Number, $"{what}: expected {expected}, got {actual}");
            var value = actual.GetDouble();
            Assert.True(
                Math.Abs(value - expected) <= tolerance,
                string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {value:R} (|d| = {Math.Abs(value - expected):E2} > {tolerance:E0})"));
        }

        private static void AssertConfusion(JsonElement expected, JsonElement actual, string what, bool exact)
        {
            foreach (var cell in new[] { "tn", "fp", "fn", "tp" })
            {
                if (exact)
                {
                    Assert.True(expected.GetProperty(cell).GetInt64() == actual.GetProperty(cell).GetInt64(), $"{what} confusion {cell}: expected {expected.GetProperty(cell)}, got {actual.GetProperty(cell)}");
                }
            }
        }
    }
}
