using System.Globalization;
using System.Text.Json;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// <c>--favourable negative</c> on compas_rf, whose positive class (two_year_recid = 1, re-arrest) is the adverse
/// outcome: certify's fairness numbers, adverse-action rows and per-group thresholds are checked against an independent
/// computation from the model's per-row scores (from <c>modelcert score</c>, through ONNX Runtime) and the labels.
/// </summary>
public sealed class FavourableOutcomeTests
{
    /// <summary>The test classes below share one <see cref="Compas"/>: one scoring and two certifications in all.</summary>
    public const string Shared = "compas favourable";

    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata:
          name: favourable-test
          version: 1.0.0
        defaults:
          min_sample: 30
          on_fail: block
          on_uncertain: review
        requirements:
          - id: four-fifths
            check: fairness.demographic-parity-ratio
            params: { attributes: [race, sex], intersections: false }
            threshold: { min: 0.8 }
          - id: opportunity
            check: fairness.equal-opportunity-difference
            params: { attributes: [race, sex], intersections: false }
            threshold: { max: 0.1 }
          - id: reasons
            check: explainability.adverse-action-stability
            params: { sample: 30, background: 20, samples: 64, reasons: 2, scale: 0.05 }
            threshold: { min: 0.5 }
        """;

    /// <summary>compas_rf scored once, and certified once with each favourable outcome (the negative one as a signed pack).</summary>
    public sealed class Compas : IDisposable
    {
        public Compas()
        {
            var card = new ModelCard("compas", "compas_rf");
            Data = card.TestCsv;
            Model = card.ModelPath;
            Features = string.Join(",", card.TensorColumns!);
            PolicyFile = Temp.Write("policy.yaml", Policy);
            var scores = Temp.File("scores.csv");
            var scored = CliRunner.Run("score", "--model", Model, "--data", Data, "--features", Features, "--out", scores);
            Assert.True(scored.ExitCode == 0, scored.ToString());

            // The model's outputs are float32: parse as float, widen as certify does.
            Scores = [.. File.ReadLines(scores).Skip(1).Select(l => (double)float.Parse(l.Split(',')[2], CultureInfo.InvariantCulture))];
            var lines = File.ReadAllLines(Data);
            var header = lines[0].Split(',');
            var cells = lines.Skip(1).Select(l => l.Split(',')).ToList();
            Flagged = [.. cells.Select(c => c[Array.IndexOf(header, "two_year_recid")] == "1")];
            Race = [.. cells.Select(c => c[Array.IndexOf(header, "race")])];
            Sex = [.. cells.Select(c => c[Array.IndexOf(header, "sex")])];
            Assert.Equal(Flagged.Length, Scores.Length);

            Pack = Temp.File("negative");
            Workspace = Temp.File("workspace");
            Negative = Certify(Pack, "--favourable", "negative", "--workspace", Workspace);
            Positive = Certify(Temp.File("positive"), "--no-pack");
        }

        private TempFolder Temp { get; } = new();

        public string Data { get; }

        public string Model { get; }

        public string Features { get; }

        public string PolicyFile { get; }

        public string Pack { get; }

        public string Workspace { get; }

        /// <summary>P(re-arrest) per test row, in test.csv order.</summary>
        public double[] Scores { get; }

        /// <summary>The label is the positive class (re-arrested).</summary>
        public bool[] Flagged { get; }

        public string[] Race { get; }

        public string[] Sex { get; }

        public JsonElement Negative { get; }

        public JsonElement Positive { get; }

        public string[] Arguments(string output, params string[] extra) =>
        [
            "certify", "--model", Model, "--features", Features, "--data", Data, "--label", "two_year_recid", "--positive", "1",
            "--protected", "race,sex", "--policy", PolicyFile, "--replicates", "200", "--seed", "11", "--out", output, "--format", "json", .. extra,
        ];

        public void Dispose() => Temp.Dispose();

        /// <summary>Per group: the rate of favourable decisions, and of favourable decisions among favourable labels (null when none).</summary>
        public Dictionary<string, (double Rate, double? Tpr)> Rates(string[] groups, bool negative, IReadOnlyDictionary<string, double>? thresholds = null)
        {
            var result = new Dictionary<string, (double, double?)>(StringComparer.Ordinal);
            foreach (var group in groups.Distinct(StringComparer.Ordinal))
            {
                var rows = Enumerable.Range(0, groups.Length).Where(r => groups[r] == group).ToList();
                var threshold = thresholds is not null && thresholds.TryGetValue(group, out var t) ? t : 0.5;
                bool Favourable(int r) => negative ? Scores[r] <= threshold : Scores[r] > threshold;
                bool Deserving(int r) => negative ? !Flagged[r] : Flagged[r];
                var deserving = rows.Where(Deserving).ToList();
                result[group] = ((double)rows.Count(Favourable) / rows.Count, deserving.Count == 0 ? null : (double)deserving.Count(Favourable) / deserving.Count);
            }

            return result;
        }

        private JsonElement Certify(string output, params string[] extra)
        {
            var result = CliRunner.Run(Arguments(output, extra));
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement.Clone();
        }
    }

    private static JsonElement Fairness(JsonElement results, string attribute) => results.GetProperty("metrics").GetProperty("fairness").GetProperty(attribute);

    private static IEnumerable<JsonElement> Checks(JsonElement results, string requirement) =>
        results.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("requirement").GetString() == requirement);

    [Collection(Shared)]
    public sealed class FairnessMetrics(Compas compas)
    {
        [Theory]
        [InlineData("race")]
        [InlineData("sex")]
        public void Should_compute_parity_and_opportunity_on_not_being_flagged_under_negative(string attribute)
        {
            // Given each row's favourable decision (score <= 0.5) and favourable label (not re-arrested)
            var rates = compas.Rates(attribute == "race" ? compas.Race : compas.Sex, negative: true);
            var tprs = rates.Values.Select(r => r.Tpr).OfType<double>().ToList();

            // When certify ran with --favourable negative
            var section = Fairness(compas.Negative, attribute);

            // Then results.json says so, and its ratio and difference are those of the favourable rates
            Assert.Equal("negative", compas.Negative.GetProperty("favourable").GetString());
            Assert.Equal(rates.Values.Min(r => r.Rate) / rates.Values.Max(r => r.Rate), section.GetProperty("demographic_parity_ratio").GetDouble(), 12);
            Assert.Equal(tprs.Max() - tprs.Min(), section.GetProperty("equal_opportunity_difference").GetDouble(), 12);
            foreach (var (group, rate) in rates)
            {
                Assert.Equal(rate.Rate, section.GetProperty("groups").GetProperty(group).GetProperty("selection_rate").GetDouble(), 12);
            }
        }

        [Theory]
        [InlineData("race")]
        [InlineData("sex")]
        public void Should_keep_the_positive_class_definitions_by_default(string attribute)
        {
            // Given each row's positive decision (score > 0.5) and label
            var rates = compas.Rates(attribute == "race" ? compas.Race : compas.Sex, negative: false);
            var tprs = rates.Values.Select(r => r.Tpr).OfType<double>().ToList();

            // When certify ran without --favourable
            var section = Fairness(compas.Positive, attribute);

            // Then the numbers are today's positive-class ones, and results.json names the positive class
            Assert.Equal("positive", compas.Positive.GetProperty("favourable").GetString());
            Assert.Equal(rates.Values.Min(r => r.Rate) / rates.Values.Max(r => r.Rate), section.GetProperty("demographic_parity_ratio").GetDouble(), 12);
            Assert.Equal(tprs.Max() - tprs.Min(), section.GetProperty("equal_opportunity_difference").GetDouble(), 12);
            Assert.Equal(
                compas.Positive.GetProperty("metrics").GetProperty("performance").GetRawText(),
                compas.Negative.GetProperty("metrics").GetProperty("performance").GetRawText());
        }

        [Fact]
        public void Should_decide_the_four_fifths_rule_on_the_favourable_rates_of_the_groups_large_enough()
        {
            // Given the race check's decided groups
            var check = Checks(compas.Negative, "four-fifths").Single(c => c.GetProperty("attribute").GetString() == "race");
            var small = check.GetProperty("details").GetProperty("small_groups").EnumerateArray().Select(g => g.GetString()!).ToHashSet(StringComparer.Ordinal);
            var rates = compas.Rates(compas.Race, negative: true).Where(r => !small.Contains(r.Key)).Select(r => r.Value.Rate).ToList();

            // When its value is compared / Then it is min / max of their favourable rates
            Assert.Equal(rates.Min() / rates.Max(), check.GetProperty("value").GetDouble(), 12);
            Assert.Contains("favourable-outcome rate", check.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Collection(Shared)]
    public sealed class AdverseAction(Compas compas)
    {
        [Fact]
        public void Should_explain_rows_scored_above_the_threshold_under_negative()
        {
            // Given the adverse-action check of the negative run
            var check = Checks(compas.Negative, "reasons").Single();
            var details = check.GetProperty("details");

            // When its rows are looked up in the model's scores
            var rows = details.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ToList();

            // Then every explained row was flagged (score > 0.5), and the count is of all such rows
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.True(compas.Scores[r] > 0.5, $"row {r} scored {compas.Scores[r]}: not an unfavourable decision"));
            Assert.Equal(compas.Scores.Count(s => s > 0.5), details.GetProperty("unfavourable_decisions").GetInt32());
            var defaults = Checks(compas.Positive, "reasons").Single().GetProperty("details").GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("row").GetInt32());
            Assert.All(defaults, r => Assert.True(compas.Scores[r] <= 0.5, $"default run explained row {r} scored {compas.Scores[r]}"));
        }
    }

    [Collection(Shared)]
    public sealed class Remediation(Compas compas)
    {
        [Fact]
        public void Should_suggest_per_group_thresholds_whose_favourable_rates_meet_the_bound()
        {
            // Given the race four-fifths check of the negative run, which misses 0.8, and its suggested thresholds
            var check = Checks(compas.Negative, "four-fifths").Single(c => c.GetProperty("attribute").GetString() == "race");
            Assert.NotEqual("pass", check.GetProperty("outcome").GetString());
            var adjustment = check.GetProperty("details").GetProperty("remediation").GetProperty("threshold_adjustment");
            var thresholds = adjustment.GetProperty("thresholds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
            var small = check.GetProperty("details").GetProperty("small_groups").EnumerateArray().Select(g => g.GetString()!).ToHashSet(StringComparer.Ordinal);

            // When the favourable rates (score <= the group's threshold) are recomputed from the scores
            var rates = compas.Rates(compas.Race, negative: true, thresholds).Where(r => !small.Contains(r.Key)).Select(r => r.Value.Rate).ToList();

            // Then their ratio meets 0.8 and is the projection's own
            var ratio = rates.Min() / rates.Max();
            Assert.True(ratio >= 0.8, $"re-checked ratio {ratio} with thresholds {string.Join(", ", thresholds)}");
            Assert.Equal(ratio, adjustment.GetProperty("metric_after").GetDouble(), 12);
        }
    }

    [Collection(Shared)]
    public sealed class BadInput(Compas compas)
    {
        [Fact]
        public void Should_exit_2_naming_the_flag_and_its_choices()
        {
            // Given --favourable maybe / When certify runs
            using var temp = new TempFolder();
            var result = CliRunner.Run(compas.Arguments(temp.File("out"), "--favourable", "maybe"));

            // Then it refuses before scoring, naming the value and the choices
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("--favourable 'maybe' is not one of positive, negative", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp.File("out")), "nothing written");
        }

        [Fact]
        public void Should_exit_2_for_a_submission_file_with_an_unknown_favourable_outcome()
        {
            // Given a submission whose data.favourable is maybe
            using var temp = new TempFolder();
            var config = temp.Write("modelcert.yaml", $"apiVersion: modelcert/v1\nkind: Submission\ndata:\n  test: {compas.Data}\n  label: two_year_recid\n  favourable: maybe\n");

            // When certify reads it / Then exit 2 points at the line and lists the choices
            var result = CliRunner.Run("certify", "--config", config, "--out", temp.File("out"));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("modelcert.yaml:6:", result.Error, StringComparison.Ordinal);
            Assert.Contains("favourable", result.Error, StringComparison.Ordinal);
            Assert.Contains("negative", result.Error, StringComparison.Ordinal);
        }
    }

    [Collection(Shared)]
    public sealed class SubmissionFile(Compas compas)
    {
        [Fact]
        public void Should_read_the_favourable_outcome_from_the_data_section()
        {
            // Given a modelcert.yaml with data.favourable: negative
            using var temp = new TempFolder();
            var config = temp.Write("modelcert.yaml", $"""
                apiVersion: modelcert/v1
                kind: Submission
                model:
                  file: {compas.Model}
                  features: [{compas.Features}]
                data:
                  test: {compas.Data}
                  label: two_year_recid
                  positive: 1
                  favourable: negative
                protected:
                  attributes: [sex]
                policies: [builtin:four-fifths]
                evaluation:
                  replicates: 0
                """);

            // When certify reads it
            var result = CliRunner.Run("certify", "--config", config, "--out", temp.File("out"), "--no-pack");
            var results = JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement;

            // Then the run measured the favourable outcome: sex's ratio is the one of not being flagged
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            Assert.Equal("negative", results.GetProperty("favourable").GetString());
            var rates = compas.Rates(compas.Sex, negative: true);
            Assert.Equal(rates.Values.Min(r => r.Rate) / rates.Values.Max(r => r.Rate), Fairness(results, "sex").GetProperty("demographic_parity_ratio").GetDouble(), 12);
        }
    }

    [Collection(Shared)]
    public sealed class Reproduce(Compas compas)
    {
        [Fact]
        public void Should_rerun_a_negative_pack_identically()
        {
            // Given the signed pack of the negative run, whose lineage records the favourable outcome
            Assert.Contains("\"favourable\": \"negative\"", File.ReadAllText(Path.Combine(compas.Pack, "lineage.json")), StringComparison.Ordinal);

            // When it is reproduced
            var result = CliRunner.Run("certify", "--reproduce", compas.Pack);

            // Then every value is the same
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("reproduced: the re-run of", result.Out, StringComparison.Ordinal);
        }
    }
}

/// <summary>Makes <see cref="FavourableOutcomeTests.Compas"/> one fixture for every class of <see cref="FavourableOutcomeTests.Shared"/>.</summary>
[CollectionDefinition(FavourableOutcomeTests.Shared)]
public sealed class CompasFavourableCollection : ICollectionFixture<FavourableOutcomeTests.Compas>;
