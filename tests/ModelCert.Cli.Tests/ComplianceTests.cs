using System.Globalization;
using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>Certify with the compliance checks: card and provenance from flags or the file, consent excluded or failed.</summary>
public sealed class ComplianceTests
{
    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata: { name: compliance-test, version: 1.0.0 }
        requirements:
          - { id: card, title: Card, check: compliance.model-card, threshold: { max: 0 }, references: [Annex IV] }
          - { id: provenance, title: Provenance, check: compliance.provenance, threshold: { max: 0 }, references: [Art. 10(2)(b)] }
          - { id: inputs, title: Inputs, check: compliance.inputs, params: { prohibited: [fnlwgt] }, threshold: { max: 0 }, references: [Art. 10] }
        """;

    private static string[] CardFlags =>
    [
        "--card-intended-use", "Income screening research", "--card-out-of-scope-uses", "Credit or hiring decisions", "--card-owner", "ModelCert tests",
        "--card-contact", "tests@modelcert.example", "--card-limitations", "1994 census only", "--card-ethical-considerations", "Sex and race are inputs",
        "--card-training-data", "adult train.csv", "--card-evaluation-data", "adult test.csv, 2,000 rows",
    ];

    /// <summary>The first 2,000 rows of adult's test split with a 'consent' column: every tenth row says "no".</summary>
    private static string AdultWithConsent(TempFolder temp)
    {
        var lines = File.ReadLines(SharedData.Require("datasets/adult/test.csv")).Take(2001)
            .Select((line, i) => i == 0 ? line + ",consent" : line + (i % 10 == 0 ? ",no" : ",yes"));
        return temp.Write("adult.csv", string.Join('\n', lines) + "\n");
    }

    private static string[] Certify(TempFolder temp, string data, string policy, params string[] more) =>
    [
        "certify", "--model", SharedData.Require("models/adult/adult_lr.onnx"), "--data", data, "--label", "income", "--positive", ">50K",
        "--protected", "sex", "--policy", policy, "--replicates", "100", "--out", temp.File("out"), "--format", "json", .. more,
    ];

    private static JsonElement Results(TempFolder temp) => JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement;

    private static JsonElement Check(JsonElement results, string requirement) =>
        results.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("requirement").GetString() == requirement);

    public sealed class CardAndProvenance
    {
        [Fact]
        public void Should_pass_with_every_card_and_provenance_field_given_as_flags()
        {
            // Given adult_lr on 2,000 rows with every card field and the provenance as flags, kept until 2999
            using var temp = new TempFolder();
            var policy = temp.Write("p.yaml", Policy);
            string[] provenance = ["--provenance-source", "UCI census extract", "--collection-period", "1994", "--legal-basis", "Public research data", "--retention-until", "2999-12-31"];

            // When certify runs the compliance policy
            var result = CliRunner.Run(Certify(temp, AdultWithConsent(temp), policy, [.. CardFlags, .. provenance]));

            // Then card, provenance and inputs pass and the verdict is certified
            Assert.True(result.ExitCode == 0, result.ToString());
            var results = Results(temp);
            Assert.All(new[] { "card", "provenance", "inputs" }, id => Assert.Equal("pass", Check(results, id).GetProperty("outcome").GetString()));
            Assert.Equal(0, Check(results, "card").GetProperty("details").GetProperty("missing").GetArrayLength());
        }

        [Fact]
        public void Should_read_card_and_provenance_from_the_file_and_fail_a_passed_retention_date()
        {
            // Given a modelcert.yaml with a card missing its contact and provenance kept only until 2001
            using var temp = new TempFolder();
            var data = AdultWithConsent(temp);
            temp.Write("p.yaml", Policy);
            var file = temp.Write("modelcert.yaml", $"""
                apiVersion: modelcert/v1
                kind: Submission
                model: {"{"} file: {SharedData.Require("models/adult/adult_lr.onnx")} {"}"}
                data: {"{"} test: adult.csv, label: income, positive: ">50K" {"}"}
                protected: {"{"} attributes: [sex] {"}"}
                policies: [p.yaml]
                evaluation: {"{"} replicates: 100 {"}"}
                output: {"{"} dir: out, format: json {"}"}
                provenance:
                  source: UCI census extract
                  collection_period: "1994"
                  legal_basis: Public research data
                  retention_until: 2001-01-01
                card:
                  intended_use: Income screening research
                  out_of_scope_uses: Credit or hiring decisions
                  owner: ModelCert tests
                  limitations: 1994 census only
                  ethical_considerations: Sex and race are inputs
                  training_data: adult train.csv
                  evaluation_data: {Path.GetFileName(data)}
                """);

            // When certify reads it
            var result = CliRunner.Run("certify", "--config", file);

            // Then the card misses only its contact and the provenance fails on the passed retention date
            Assert.True(result.ExitCode == 4, result.ToString());
            var results = Results(temp);
            var card = Check(results, "card");
            Assert.Equal(["contact"], card.GetProperty("details").GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
            var provenance = Check(results, "provenance");
            Assert.Equal("fail", provenance.GetProperty("outcome").GetString());
            Assert.Contains("the retention date 2001-01-01 has passed", provenance.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_retention_date_that_is_not_a_calendar_date()
        {
            // Given --retention-until 2030-02-30 / When certify starts / Then it stops with a usage error naming the flag
            using var temp = new TempFolder();
            var result = CliRunner.Run(Certify(temp, AdultWithConsent(temp), "builtin:baseline", "--retention-until", "2030-02-30"));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("--retention-until '2030-02-30' is not a date; expected a real calendar date written YYYY-MM-DD", result.Error, StringComparison.Ordinal);
        }
    }

    public sealed class Consent
    {
        private static string ConsentPolicy(string onMissing) => $"""
            apiVersion: modelcert/v1
            kind: Policy
            metadata: {"{"} name: consent-test, version: 1.0.0 {"}"}
            requirements:
              - {"{"} id: consent, title: Consent, check: compliance.consent, params: {"{"} on_missing: {onMissing} {"}"}, threshold: {"{"} min: 1 {"}"}, references: [GDPR Art. 6(1)(a)] {"}"}
              - {"{"} id: accuracy, title: Accuracy, check: performance.accuracy, threshold: {"{"} min: 0.5 {"}"}, references: [Art. 15(1)] {"}"}
            """;

        [Fact]
        public void Should_leave_rows_without_consent_out_of_every_check_when_the_policy_excludes_them()
        {
            // Given 2,000 rows of which 200 say "no" in the consent column, and a policy that excludes them
            using var temp = new TempFolder();
            var policy = temp.Write("p.yaml", ConsentPolicy("exclude"));

            // When certify runs
            var result = CliRunner.Run(Certify(temp, AdultWithConsent(temp), policy, "--consent-column", "consent"));

            // Then consent passes, 200 rows are counted as excluded, and the other checks see 1,800 rows
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("certify: excluded 200 of 2,000 rows (no consent in column 'consent')", result.Error, StringComparison.Ordinal);
            var results = Results(temp);
            var consent = Check(results, "consent");
            Assert.Equal(("pass", 200), (consent.GetProperty("outcome").GetString(), consent.GetProperty("details").GetProperty("excluded_rows").GetInt32()));
            Assert.Equal(1800, Check(results, "accuracy").GetProperty("sample_size").GetInt32());
            Assert.Equal(1800, results.GetProperty("metrics").GetProperty("performance").GetProperty("n").GetInt32());
        }

        [Fact]
        public void Should_fail_rows_without_consent_when_the_policy_says_fail()
        {
            // Given the same rows and a policy that fails rows without consent / When certify runs
            using var temp = new TempFolder();
            var policy = temp.Write("p.yaml", ConsentPolicy("fail"));
            var result = CliRunner.Run(Certify(temp, AdultWithConsent(temp), policy, "--consent-column", "consent"));

            // Then consent is 0.9 and fails, and every row is still evaluated
            Assert.True(result.ExitCode == 4, result.ToString());
            var results = Results(temp);
            var consent = Check(results, "consent");
            Assert.Equal(("fail", 0.9), (consent.GetProperty("outcome").GetString(), consent.GetProperty("value").GetDouble()));
            Assert.Equal(2000, Check(results, "accuracy").GetProperty("sample_size").GetInt32());
        }

        [Fact]
        public void Should_name_a_consent_column_the_data_does_not_have()
        {
            // Given a consent column that is not in the data / When certify runs
            using var temp = new TempFolder();
            var policy = temp.Write("p.yaml", ConsentPolicy("fail"));
            var result = CliRunner.Run(Certify(temp, AdultWithConsent(temp), policy, "--consent-column", "consented"));

            // Then it stops before scoring, naming the column and the closest one
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("consent column 'consented' is not in", result.Error, StringComparison.Ordinal);
            Assert.Contains("'consent'", result.Error, StringComparison.Ordinal);
        }
    }

    public sealed class Remediation
    {
        [Fact]
        public void Should_project_thresholds_and_reweighing_for_adult_lr_failing_four_fifths_on_sex()
        {
            // Given adult_lr on adult's full test split, held to the four-fifths rule for sex (it selects women at 0.3 of men's rate)
            using var temp = new TempFolder();
            var result = CliRunner.Run(
                "certify", "--model", SharedData.Require("models/adult/adult_lr.onnx"), "--data", SharedData.Require("datasets/adult/test.csv"), "--label", "income",
                "--positive", ">50K", "--protected", "sex", "--policy", "builtin:four-fifths", "--replicates", "200", "--out", temp.File("out"), "--format", "json");

            // When the failing result is read
            Assert.True(result.ExitCode == 4, result.ToString());
            var results = Results(temp);
            var check = Check(results, "four-fifths.selection-rate-ratio");
            var projection = check.GetProperty("details").GetProperty("remediation").GetProperty("threshold_adjustment");

            // Then per-group thresholds meet 0.8, starting from today's accuracy and selection rates, at a stated cost
            var thresholds = projection.GetProperty("thresholds");
            Assert.True(thresholds.GetProperty("Female").GetDouble() < 0.5 && thresholds.GetProperty("Male").GetDouble() >= 0.5, projection.ToString());
            Assert.True(projection.GetProperty("metric_after").GetDouble() >= 0.8, projection.ToString());
            var performance = results.GetProperty("metrics").GetProperty("performance");
            Assert.Equal(performance.GetProperty("accuracy").GetDouble(), projection.GetProperty("accuracy_before").GetDouble(), 12);
            var female = results.GetProperty("metrics").GetProperty("fairness").GetProperty("sex").GetProperty("groups").GetProperty("Female");
            Assert.Equal(female.GetProperty("selection_rate").GetDouble(), projection.GetProperty("selection_rate_before").GetProperty("Female").GetDouble(), 12);
            Assert.InRange(projection.GetProperty("accuracy_cost_points").GetDouble(), 0, 5);

            // And reweighing equalizes the positive-label rate, and the text says so after the policy's own advice
            var after = check.GetProperty("details").GetProperty("remediation").GetProperty("reweighing").GetProperty("positive_rate_after");
            Assert.Equal(after.GetProperty("Female").GetDouble(), after.GetProperty("Male").GetDouble(), 12);
            var text = check.GetProperty("remediation").GetString()!;
            Assert.Contains("29 CFR 1607.3(B)", text, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Projected: sex thresholds Female {thresholds.GetProperty("Female").GetDouble():0.###}"), text, StringComparison.Ordinal);
        }
    }
}
