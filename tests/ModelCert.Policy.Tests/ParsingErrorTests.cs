using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Each kind of mistake in a policy file, reported at its exact file:line:column.</summary>
public sealed partial class ParsingErrorTests
{
    public sealed class DuplicateKeys
    {
        [Fact]
        public void Should_reject_a_repeated_key_naming_the_first()
        {
            // Given a requirement whose threshold is written twice (YAML would silently keep the second)
            var yaml = Policies.With("""
                requirements:
                  - id: r1
                    check: performance.accuracy
                    threshold: { min: 0.9 }
                    threshold: { min: 0.5 }

                """);

            // When it is linted / Then the second one is reported, naming the line of the first
            Lint.Single("p.yaml:10:5: duplicate key 'threshold' (first at line 9)", Lint.Of(yaml));
        }

        [Fact]
        public void Should_reject_repeated_keys_in_flow_mappings_too()
        {
            // Given a flow mapping with min twice
            var lines = Lint.Of(Policies.One().Replace("min: 0.7", "{ min: 0.7, min: 0.1 }", StringComparison.Ordinal).Replace("threshold:\n      {", "threshold: {", StringComparison.Ordinal));

            // When it is linted / Then the repeat is found
            Assert.Contains(lines, l => l.Contains("duplicate key 'min' (first at line", StringComparison.Ordinal));
        }
    }

    public sealed class UnknownFields
    {
        [Fact]
        public void Should_suggest_the_closest_field()
        {
            // Given a misspelt field in a requirement
            var lines = Lint.Of(Policies.One().Replace("threshold:", "treshold:", StringComparison.Ordinal));

            // When it is linted / Then the typo gets a suggestion and the requirement misses its threshold
            Lint.Contains("p.yaml:9:5: unknown field 'treshold' in requirement; did you mean 'threshold'?", lines);
            Lint.Contains("p.yaml:7:5: missing required field 'threshold' in requirement", lines);
        }

        [Fact]
        public void Should_list_the_valid_fields_when_nothing_is_close()
        {
            // Given a field nothing resembles in metadata
            var lines = Lint.Of(Policies.One().Replace("  version: 1.0.0", "  version: 1.0.0\n  colour: blue", StringComparison.Ordinal));

            // When it is linted / Then the valid fields are listed
            Lint.Single("p.yaml:6:3: unknown field 'colour' in metadata; valid fields: name, version, description, owner", lines);
        }

        [Theory]
        [InlineData("onFail: warn", "on_fail")]
        [InlineData("min-sample: 40", "min_sample")]
        [InlineData("Title: x", "title")]
        [InlineData("refrences: [a]", "references")]
        public void Should_see_through_case_separators_and_swaps(string line, string suggestion)
        {
            // Given a requirement field in another naming style or with swapped letters
            var lines = Lint.Of(Policies.One() + "    " + line + "\n");

            // When it is linted / Then the canonical name is suggested
            Assert.True(lines.Length == 1 && lines[0].EndsWith($"did you mean '{suggestion}'?", StringComparison.Ordinal), string.Join("\n", lines));
        }
    }

    public sealed class Numbers
    {
        [Theory]
        [InlineData(".nan")]
        [InlineData(".NaN")]
        [InlineData("NaN")]
        [InlineData(".inf")]
        [InlineData("-.inf")]
        [InlineData("+.Inf")]
        [InlineData("Infinity")]
        [InlineData("-Infinity")]
        [InlineData("1e999")]
        public void Should_reject_values_that_are_not_finite(string value)
        {
            // Given a threshold that is NaN or infinite in one of its spellings
            var lines = Lint.Of(Policies.One().Replace("min: 0.7", "min: " + value, StringComparison.Ordinal));

            // When it is linted / Then it is refused at the value
            Lint.Single($"p.yaml:10:12: 'min' must be a finite number; found '{value}'", lines);
        }

        [Theory]
        [InlineData("high", "p.yaml:10:12: 'min' must be a number; found 'high'")]
        [InlineData("\"0.7\"", "p.yaml:10:12: 'min' must be a number, not quoted text; found '\"0.7\"' (remove the quotes)")]
        [InlineData("0,7", "p.yaml:10:12: 'min' must be a number; found '0,7'")]
        [InlineData("[0.7]", "p.yaml:10:12: 'min' must be a number")]
        public void Should_reject_values_that_are_not_numbers(string value, string expected)
        {
            // Given a threshold that is text, quoted, comma-decimal or a list
            var lines = Lint.Of(Policies.One().Replace("min: 0.7", "min: " + value, StringComparison.Ordinal));

            // When it is linted / Then it is refused with what was found
            Lint.Single(expected, lines);
        }

        [Theory]
        [InlineData("1", 1.0)]
        [InlineData("-0.5", -0.5)]
        [InlineData(".5", 0.5)]
        [InlineData("5e-1", 0.5)]
        [InlineData("+2.", 2.0)]
        public void Should_accept_yaml_core_numbers(string value, double expected)
        {
            // Given a threshold in one of YAML 1.2's number forms
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One().Replace("min: 0.7", "min: " + value, StringComparison.Ordinal));

            // When it is resolved / Then the number is read exactly
            var requirement = Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements);
            Assert.Equal(expected, requirement.Threshold.Min);
        }
    }

    public sealed class Checks
    {
        [Fact]
        public void Should_suggest_a_known_check_id()
        {
            // Given a check id without its suffix
            var lines = Lint.Of(Policies.One(check: "fairness.demographic-parity"));

            // When it is linted / Then the closest catalog id is suggested
            Lint.Single("p.yaml:8:12: unknown check 'fairness.demographic-parity'; did you mean 'fairness.demographic-parity-ratio'?", lines);
        }

        [Fact]
        public void Should_suggest_the_family_when_it_is_left_out()
        {
            // Given a check id without its family prefix
            var lines = Lint.Of(Policies.One(check: "roc-auc"));

            // When it is linted / Then the full id is suggested
            Lint.Single("p.yaml:8:12: unknown check 'roc-auc'; did you mean 'performance.roc-auc'?", lines);
        }
    }
}
