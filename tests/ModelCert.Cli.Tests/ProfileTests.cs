using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>The aif360 profile compares each group with a named privileged group, as AIF360 does.</summary>
public sealed class ProfileTests
{
    public sealed class Aif360
    {
        [Fact]
        public void Should_report_the_unprivileged_over_privileged_ratio_and_difference()
        {
            // Given compas_rf's scikit-learn predictions and its golden per-group selection rates for sex
            var golden = JsonDocument.Parse(File.ReadAllText(SharedData.Require("goldens/compas_rf.json"))).RootElement;
            var groups = golden.GetProperty("fairness").GetProperty("sex").GetProperty("groups");
            var female = groups.GetProperty("Female").GetProperty("selection_rate").GetDouble();
            var male = groups.GetProperty("Male").GetProperty("selection_rate").GetDouble();
            using var temp = new TempFolder();

            // When certify runs with the aif360 profile and Male as the privileged group
            var result = CliRunner.Run(
                "certify", "--data", SharedData.Require("datasets/compas/test.csv"), "--predictions", SharedData.Require("models/compas/compas_rf.sklearn_test_predictions.csv"),
                "--id-column", "row_id", "--score-column", "proba", "--label", "two_year_recid", "--protected", "sex", "--profile", "aif360",
                "--privileged", "sex=Male", "--policy", "builtin:four-fifths", "--out", temp.File("out"), "--format", "json");

            // Then disparate impact = P(selected | Female) / P(selected | Male) and the difference is Female - Male
            Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
            var doc = JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement;
            var sex = doc.GetProperty("metrics").GetProperty("fairness").GetProperty("sex");
            Assert.Equal(female / male, sex.GetProperty("demographic_parity_ratio").GetDouble(), 1e-12);
            Assert.Equal(female - male, sex.GetProperty("demographic_parity_difference").GetDouble(), 1e-12);
            Assert.Equal("aif360", doc.GetProperty("profile").GetString());
            Assert.Equal("Male", sex.GetProperty("privileged").GetString());
        }

        [Fact]
        public void Should_ask_for_the_privileged_group_when_it_is_missing()
        {
            using var temp = new TempFolder();
            var data = temp.Write("d.csv", "sex,score,label\nf,0.2,0\nm,0.8,1\nf,0.7,1\nm,0.1,0\n");
            var result = CliRunner.Run("certify", "--data", data, "--score-column", "score", "--label", "label", "--protected", "sex", "--profile", "aif360", "--policy", "builtin:four-fifths", "--out", temp.File("out"));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("--privileged ATTRIBUTE=GROUP (missing: sex)", result.Error, StringComparison.Ordinal);
        }
    }
}
