using System.Text.RegularExpressions;

using ModelCert.Policy.Tests.Support;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>The examples in docs/policies.md are real policies.</summary>
public sealed partial class DocsTests
{
    public sealed class PoliciesPage
    {
        [Fact]
        public void Should_show_a_format_example_that_lints_clean_and_uses_every_field()
        {
            // Given the first YAML example of docs/policies.md
            var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "policies.md"));
            var example = YamlBlock().Match(page).Groups["yaml"].Value;

            // When it is linted
            var lines = Lint.Of(example);

            // Then it is clean, and it shows every requirement field the parser accepts
            Lint.Clean(lines, "the docs example");
            Assert.All(Parsing.PolicyFields.Requirement, field => Assert.Matches($"(?m)^ {{2}}(- |  ){field}:", example));
            Assert.All(Parsing.PolicyFields.Root, field => Assert.Contains($"\n{field}:", "\n" + example, StringComparison.Ordinal));
        }

        [Fact]
        public void Should_resolve_the_example_with_the_provenance_it_describes()
        {
            // Given the example saved as lending.yaml
            var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "policies.md"));
            using var folder = new PolicyFolder();
            folder.Write("lending.yaml", YamlBlock().Match(page).Groups["yaml"].Value);

            // When it is resolved for a high-risk US classifier
            var resolved = folder.Resolve(Policies.Classification, "lending.yaml");

            // Then both its own requirement and the four-fifths one apply
            Assert.Equal(["four-fifths.selection-rate-ratio", "fair-selection-rate"], resolved.Requirements.Select(r => r.Id));
            Assert.Equal(["four-fifths", "lending-fairness"], resolved.Policies.Select(p => p.Name));
        }
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
