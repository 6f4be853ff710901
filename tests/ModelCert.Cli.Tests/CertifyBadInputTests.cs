using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>Bad submissions and policies end with exit 2 and a message that names the place, and no results file.</summary>
public sealed class CertifyBadInputTests
{
    private const string Loans = "id,sex,income,approved\n1,f,10,1\n2,m,20,0\n3,f,30,1\n4,m,40,1\n";

    public sealed class Certify
    {
        [Fact]
        public void Should_name_a_missing_label_column_and_the_closest_ones()
        {
            using var temp = new TempFolder();
            var result = Run(temp, "--label", "aproved");
            AssertBadInput(result, temp, "label column 'aproved'", "closest: 'approved'");
        }

        [Fact]
        public void Should_name_a_positive_value_that_does_not_occur()
        {
            using var temp = new TempFolder();
            var data = temp.Write("text.csv", "id,sex,income,approved\n1,f,10,approve\n2,m,20,deny\n");
            var result = CliRunner.Run("certify", "--data", data, "--score-column", "income", "--threshold", "15", "--label", "approved", "--positive", "si", "--protected", "sex", "--policy", "builtin:four-fifths", "--out", temp.File("out"));
            AssertBadInput(result, temp, "positive value 'si'", "'approve', 'deny'");
        }

        [Fact]
        public void Should_name_an_unknown_profile()
        {
            using var temp = new TempFolder();
            AssertBadInput(Run(temp, "--label", "approved", "--profile", "lenient"), temp, "--profile 'lenient'", "strict, fairlearn or aif360");
        }

        [Fact]
        public void Should_refuse_a_confidence_outside_zero_and_one()
        {
            using var temp = new TempFolder();
            AssertBadInput(Run(temp, "--label", "approved", "--confidence", "1.5"), temp, "--confidence 1.5");
        }

        [Fact]
        public void Should_name_the_row_whose_id_has_no_prediction()
        {
            using var temp = new TempFolder();
            var predictions = temp.Write("predictions.csv", "id,p\n1,0.2\n2,0.7\n3,0.9\n");
            var result = CliRunner.Run("certify", "--data", temp.Write("loans.csv", Loans), "--predictions", predictions, "--id-column", "id", "--score-column", "p", "--label", "approved", "--protected", "sex", "--policy", "builtin:four-fifths", "--out", temp.File("out"));
            AssertBadInput(result, temp, "row 4", "id '4' has no prediction");
        }

        [Fact]
        public void Should_give_the_location_of_a_duplicate_key_in_a_policy()
        {
            using var temp = new TempFolder();
            var policy = temp.Write("dup.yaml", "apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: dup\n  version: 1.0.0\n  name: again\nrequirements: []\n");
            var result = Run(temp, "--label", "approved", "--policy", policy);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("dup.yaml:6:3", result.Error, StringComparison.Ordinal);
            Assert.Contains("duplicate key 'name'", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp.File("out")), "no results may be written");
        }

        [Fact]
        public void Should_survive_a_40_KB_deeply_nested_policy()
        {
            // Given a policy of 40,000 nested brackets, which overflows naive YAML parsers
            using var temp = new TempFolder();
            var policy = temp.Write("deep.yaml", "apiVersion: modelcert/v1\nrequirements: " + new string('[', 40_000) + "\n");

            // When certify loads it, Then the process survives and names the file
            var result = Run(temp, "--label", "approved", "--policy", policy);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("deep.yaml", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
    }

    private static CliResult Run(TempFolder temp, params string[] extra) =>
        CliRunner.Run(["certify", "--data", temp.Write("loans.csv", Loans), "--score-column", "income", "--threshold", "25", "--protected", "sex", "--policy", "builtin:four-fifths", "--out", temp.File("out"), .. extra]);

    private static void AssertBadInput(CliResult result, TempFolder temp, params string[] fragments)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2; {result}");
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, $"expected one error line; {result}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.True(errors[0].Contains(fragment, StringComparison.Ordinal), $"stderr should mention \"{fragment}\"; {result}");
        }

        Assert.False(File.Exists(Path.Combine(temp.File("out"), "results.json")), "no results may be written");
    }
}
