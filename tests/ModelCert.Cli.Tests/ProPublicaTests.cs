using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// certify in predictions mode reproduces ProPublica's published COMPAS error rates from all 7214 rows of
/// compas-scores-two-years.csv, with decile_score >= 5 (threshold 4.5) as the prediction.
/// </summary>
public sealed class ProPublicaTests
{
    public sealed class Certify
    {
        [Fact]
        public void Should_reproduce_the_published_false_positive_and_false_negative_rates()
        {
            // Given the published table and the raw data
            var golden = JsonDocument.Parse(File.ReadAllText(SharedData.Require("goldens/compas_propublica.json"))).RootElement.GetProperty("published");
            using var temp = new TempFolder();

            // When certify treats decile_score above 4.5 as a prediction of recidivism
            var result = CliRunner.Run(
                "certify", "--data", SharedData.Require("datasets/compas/compas-scores-two-years.csv"), "--score-column", "decile_score",
                "--threshold", "4.5", "--label", "two_year_recid", "--protected", "race", "--policy", "builtin:four-fifths",
                "--out", temp.File("out"), "--format", "json");

            // Then the published rates (in percent, two decimals) and the counts behind them agree
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            var groups = JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement
                .GetProperty("metrics").GetProperty("fairness").GetProperty("race").GetProperty("groups");
            foreach (var race in new[] { "African-American", "Caucasian" })
            {
                var published = golden.GetProperty(race);
                var ours = groups.GetProperty(race);
                Assert.Equal(published.GetProperty("fpr_percent").GetDouble(), Math.Round(100 * ours.GetProperty("fpr").GetDouble(), 2));
                Assert.Equal(published.GetProperty("fnr_percent").GetDouble(), Math.Round(100 * ours.GetProperty("fnr").GetDouble(), 2));
                var table = published.GetProperty("table");
                var matrix = ours.GetProperty("confusion_matrix");
                Assert.Equal(table.GetProperty("survived_low").GetInt64(), matrix.GetProperty("tn").GetInt64());
                Assert.Equal(table.GetProperty("survived_high").GetInt64(), matrix.GetProperty("fp").GetInt64());
                Assert.Equal(table.GetProperty("recidivated_low").GetInt64(), matrix.GetProperty("fn").GetInt64());
                Assert.Equal(table.GetProperty("recidivated_high").GetInt64(), matrix.GetProperty("tp").GetInt64());
            }
        }
    }
}
