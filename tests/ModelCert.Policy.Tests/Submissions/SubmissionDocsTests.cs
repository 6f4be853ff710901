using System.Text.RegularExpressions;

using ModelCert.Policy.Submissions;
using ModelCert.Policy.Tests.Support;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

/// <summary>The examples in docs/submission.md are real submissions, and its error listing is what the parser prints.</summary>
public sealed partial class SubmissionDocsTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "submission.md")));

    private static string[] Blocks(Regex pattern) => [.. pattern.Matches(Page.Value).Select(m => m.Groups["text"].Value)];

    public sealed class SubmissionPage
    {
        [Fact]
        public void Should_show_a_format_example_that_loads_and_uses_every_field()
        {
            // Given the first YAML example / When it is loaded
            var example = Blocks(YamlBlock())[0];
            var spec = SubmissionFiles.Load(example);

            // Then it shows every section but predictions (which excludes model.file), and every field of each
            Assert.All(SubmissionFields.Root.Except(["predictions"]), field => Assert.Matches($"(?m)^{field}:", example));
            IReadOnlyList<string>[] sections = [SubmissionFields.Model, SubmissionFields.Data, SubmissionFields.Protected, SubmissionFields.Evaluation, SubmissionFields.Context, SubmissionFields.Output, SubmissionFields.Provenance, SubmissionFields.Card];
            Assert.All(sections.SelectMany(fields => fields), field => Assert.Matches($"(?m)^  {field}:", example));
            Assert.Equal(("models/loan.onnx", ">50K", "2030-12-31"), (spec.Model!.File, spec.Data!.Positive, spec.Provenance!.RetentionUntil));
        }

        [Fact]
        public void Should_show_a_predictions_example_that_loads()
        {
            // Given the second YAML example / When it is loaded / Then it is predictions mode with every predictions field
            var spec = SubmissionFiles.Load(Blocks(YamlBlock())[1]);
            Assert.Equal(new PredictionsSpec("preds.csv", "proba", "row_id"), spec.Predictions);
            Assert.Null(spec.Model!.File);
        }

        [Fact]
        public void Should_print_the_listed_mistakes_for_the_example_with_them()
        {
            // Given the format example with a misspelt field and a YAML 1.1 boolean
            var example = Blocks(YamlBlock())[0]
                .Replace("  threshold: 0.5", "  treshold: 0.5", StringComparison.Ordinal)
                .Replace("intersections: true", "intersections: yes", StringComparison.Ordinal);

            // When it is loaded / Then the diagnostics are the ones the page shows
            var listed = Blocks(DiagnosticsBlock())[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(listed, SubmissionFiles.Errors(example));
        }
    }

    [GeneratedRegex("```yaml\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex("```\n(?<text>modelcert\\.yaml:.*?)```", RegexOptions.Singleline)]
    private static partial Regex DiagnosticsBlock();
}
