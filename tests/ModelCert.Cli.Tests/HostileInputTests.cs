using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Cli.Certify;
using ModelCert.Core;
using ModelCert.Policy.Tests.Support;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// Hostile data files, submissions, policies and flags given to <c>certify</c>: each ends with exit 2, one error line
/// naming the file or flag, no stack trace and no results written. The data cases once killed the process (a stack
/// overflow inside DuckDB) or ended as an internal error.
/// </summary>
public sealed partial class HostileInputTests
{
    private const string Loans = "id,sex,income,approved\n1,f,10,1\n2,m,20,0\n3,f,30,1\n4,m,40,1\n";

    public sealed class DataFiles
    {
        [Fact]
        public void Should_refuse_json_nested_10000_levels_instead_of_crashing()
        {
            using var temp = new TempFolder();
            var data = temp.Write("deep.jsonl", "{\"id\": 1, \"income\": 10, \"approved\": 1, \"sex\": " + new string('[', 10_000) + new string(']', 10_000) + "}\n");
            AssertBadInput(Certify(temp, data), temp, "data file", "deep.jsonl' line 1: JSON nested deeper than 64 levels");
        }

        [Fact]
        public void Should_refuse_a_csv_whose_header_is_a_nul()
        {
            using var temp = new TempFolder();
            AssertBadInput(Certify(temp, temp.Write("nul.csv", "\0")), temp, "nul.csv' column 1: found an empty name");
        }

        [Fact]
        public void Should_refuse_a_damaged_parquet_file()
        {
            using var temp = new TempFolder();
            var data = temp.File("damaged.parquet");
            File.WriteAllBytes(data, [.. "PAR1"u8, 1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0x7F, .. "PAR1"u8]);
            AssertBadInput(Certify(temp, data), temp, "damaged.parquet' could not be read as Parquet (damaged, or not a Parquet file)");
        }
    }

    public sealed class Flags
    {
        [Theory]
        [InlineData("--input-map", "age", "--input-map item 'age' is not of the form onnx_input=column")]
        [InlineData("--input-map", "a=b,a=c", "--input-map names model input 'a' twice")]
        [InlineData("--input-map", "=x", "--input-map item '=x'")]
        [InlineData("--privileged", "sex", "--privileged item 'sex' is not of the form ATTRIBUTE=GROUP")]
        [InlineData("--privileged", "sex=m,sex=f", "--privileged item 'sex=f'")]
        [InlineData("--retention-until", "2026-13-45", "2026-13-45")]
        public void Should_name_a_malformed_flag_value(string flag, string value, string expected)
        {
            using var temp = new TempFolder();
            AssertBadInput(Certify(temp, temp.Write("loans.csv", Loans), flag, value), temp, expected);
        }
    }

    public sealed class Files
    {
        [Fact]
        public void Should_refuse_an_alias_bomb_in_the_submission_file()
        {
            using var temp = new TempFolder();
            temp.Write("loans.csv", Loans);
            var config = temp.Write("modelcert.yaml", "apiVersion: modelcert/v1\nkind: Submission\ndata:\n  test: loans.csv\ncard:\n" + string.Join('\n', YamlMutator.AliasBomb("  ")) + "\n");
            var result = CliRunner.Run("certify", "--config", config, "--score-column", "income", "--out", temp.File("out"));
            AssertBadInput(result, temp, "modelcert.yaml:6:", "anchors (&b0) are not allowed in submission files");
        }

        [Fact]
        public void Should_refuse_a_submission_file_that_is_not_utf8()
        {
            using var temp = new TempFolder();
            var config = temp.File("modelcert.yaml");
            File.WriteAllBytes(config, [.. "apiVersion: modelcert/v1\nkind: Submission\n# "u8, 0xC3, 0x28, (byte)'\n']);
            var result = CliRunner.Run("certify", "--config", config, "--out", temp.File("out"));
            AssertBadInput(result, temp, "modelcert.yaml:1:1: the submission file is not valid UTF-8 text");
        }

        [Fact]
        public void Should_refuse_a_policy_file_over_1_MiB()
        {
            using var temp = new TempFolder();
            var policy = temp.Write("huge.yaml", "apiVersion: modelcert/v1\n# " + new string('x', 1 << 20) + "\n");
            AssertBadInput(Certify(temp, temp.Write("loans.csv", Loans), "--policy", policy), temp, "huge.yaml:1:1: the policy file is", "the limit is 1048576 (1 MiB)");
        }

        [Fact]
        public void Should_load_or_refuse_every_mutated_submission_as_certify_does()
        {
            // Given the examples of docs/submission.md, mutated with a seed
            using var temp = new TempFolder();
            var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "submission.md"));
            var seeds = YamlBlock().Matches(page).Select(m => m.Groups["yaml"].Value).ToArray();
            var mutator = new YamlMutator(20_261_123);
            var failures = new List<string>();
            var loaded = 0;
            const int Cases = 100;
            for (var i = 0; i < Cases; i++)
            {
                var (name, bytes) = mutator.Mutate(seeds[i % seeds.Length]);
                var path = temp.File(string.Create(CultureInfo.InvariantCulture, $"modelcert-{i}.yaml"));
                File.WriteAllBytes(path, bytes);

                // When certify turns it into a submission
                try
                {
                    SubmissionFile.Load(path);
                    loaded++;
                }
                catch (InputException error) when (error.Message.Contains(path, StringComparison.Ordinal))
                {
                    // Refused, naming the file: what should happen to a broken one.
                }
#pragma warning disable CA1031 // Any other exception (or a refusal not naming the file) is the finding.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"case {i} ({name}): {error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}"));
                }
            }

            // Then each was loaded or refused with an InputException naming the file, and both happened
            Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases broke the property:\n{string.Join('\n', failures)}");
            Assert.InRange(loaded, 1, Cases - 1);
        }
    }

    private static CliResult Certify(TempFolder temp, string data, params string[] extra) =>
        CliRunner.Run(["certify", "--data", data, "--score-column", "income", "--threshold", "25", "--label", "approved", "--protected", "sex", "--policy", "builtin:four-fifths", "--out", temp.File("out"), .. extra]);

    private static void AssertBadInput(CliResult result, TempFolder temp, params string[] fragments)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2; {result}");
        // The first certify of a test run may also say, on a line of its own, that it generated the workspace's key.
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("certify: no signing key", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1 && lines[0].StartsWith("error: ", StringComparison.Ordinal), $"expected one error line; {result}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.True(lines[0].Contains(fragment, StringComparison.Ordinal), $"stderr should mention \"{fragment}\"; {result}");
        }

        Assert.False(Directory.Exists(temp.File("out")), $"no output may be written; {result}");
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
