using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class ParsingErrorTests
{
    public sealed class ScalarTypes
    {
        [Fact]
        public void Should_reject_an_action_outside_its_choices()
        {
            // Given on_fail: maybe
            var lines = Lint.Of(Policies.One() + "    on_fail: maybe\n");

            // When it is linted / Then the choices are listed
            Lint.Single("p.yaml:11:14: 'on_fail' must be one of block, review, warn; found 'maybe'", lines);
        }

        [Fact]
        public void Should_suggest_the_right_spelling_of_an_action()
        {
            // Given on_uncertain: Review (capitalised)
            var lines = Lint.Of(Policies.One() + "    on_uncertain: Review\n");

            // When it is linted / Then the lower-case spelling is suggested
            Lint.Single("p.yaml:11:19: 'on_uncertain' must be one of fail, review, warn, pass; found 'Review'; did you mean 'review'?", lines);
        }

        [Theory]
        [InlineData("yes")]
        [InlineData("no")]
        [InlineData("on")]
        [InlineData("off")]
        [InlineData("True")]
        public void Should_accept_only_true_or_false_for_booleans(string value)
        {
            // Given intersections written the YAML 1.1 way
            var lines = Lint.Of(Policies.One(check: "fairness.demographic-parity-ratio") + $"    params: {{ intersections: {value} }}\n");

            // When it is linted / Then it is refused with a hint
            Lint.Single(
                $"p.yaml:11:30: 'intersections' must be true or false; found '{value}' (write true or false in lower case; yes/no/on/off mean different things to different YAML readers)",
                lines);
        }

        [Fact]
        public void Should_reject_a_quoted_boolean()
        {
            // Given intersections: "false"
            var lines = Lint.Of(Policies.One(check: "fairness.demographic-parity-ratio") + "    params: { intersections: \"false\" }\n");

            // When it is linted / Then the quotes are the problem
            Lint.Single("p.yaml:11:30: 'intersections' must be true or false, not quoted text; found '\"false\"' (remove the quotes)", lines);
        }

        [Theory]
        [InlineData("confidence: 0.95", null)]
        [InlineData("confidence: 1", "p.yaml:11:17: 'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found 1")]
        [InlineData("confidence: 0", "p.yaml:11:17: 'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found 0")]
        [InlineData("min_sample: 0", "p.yaml:11:17: 'min_sample' must be at least 1; found 0")]
        [InlineData("min_sample: 2.5", "p.yaml:11:17: 'min_sample' must be a whole number; found '2.5'")]
        [InlineData("title: [a, b]", "p.yaml:11:12: 'title' must be text")]
        [InlineData("references: one", "p.yaml:11:17: 'references' must be a list, e.g. [a, b]")]
        public void Should_check_each_requirement_field(string line, string? expected)
        {
            // Given a requirement field with a valid or invalid value
            var lines = Lint.Of(Policies.One() + "    " + line + "\n");

            // When it is linted / Then only the invalid value is reported
            if (expected is null)
            {
                Lint.Clean(lines, line);
            }
            else
            {
                Lint.Single(expected, lines);
            }
        }
    }

    public sealed class MissingFields
    {
        [Fact]
        public void Should_report_every_missing_top_level_field_at_the_start()
        {
            // Given a mapping with none of the required fields
            var lines = Lint.Of("requirements: []\n");

            // When it is linted / Then apiVersion, kind and metadata are each reported
            Assert.Equal(
                [
                    "p.yaml:1:1: missing required field 'apiVersion' in policy",
                    "p.yaml:1:1: missing required field 'kind' in policy",
                    "p.yaml:1:1: missing required field 'metadata' in policy",
                ],
                lines);
        }

        [Fact]
        public void Should_report_missing_metadata_fields_and_requirement_fields()
        {
            // Given metadata without name and version, and a requirement without id, check or threshold
            var yaml = """
                apiVersion: modelcert/v1
                kind: Policy
                metadata:
                  owner: me
                requirements:
                  - title: nothing else

                """;

            // When it is linted
            var lines = Lint.Of(yaml);

            // Then each missing field is reported where its mapping starts
            Assert.Equal(
                [
                    "p.yaml:4:3: missing required field 'name' in metadata",
                    "p.yaml:4:3: missing required field 'version' in metadata",
                    "p.yaml:6:5: missing required field 'id' in requirement",
                    "p.yaml:6:5: missing required field 'check' in requirement",
                    "p.yaml:6:5: missing required field 'threshold' in requirement",
                ],
                lines);
        }

        [Fact]
        public void Should_report_a_required_field_left_empty_at_its_key()
        {
            // Given id: with no value
            var lines = Lint.Of(Policies.One().Replace("- id: r1", "- id:", StringComparison.Ordinal));

            // When it is linted / Then the empty key is pointed at
            Lint.Single("p.yaml:7:5: required field 'id' in requirement has no value", lines);
        }

        [Fact]
        public void Should_require_min_or_max()
        {
            // Given an empty threshold
            var lines = Lint.Of(Policies.One().Replace("threshold:\n      min: 0.7", "threshold: {}", StringComparison.Ordinal));

            // When it is linted / Then it asks for a side
            Lint.Single("p.yaml:9:16: 'threshold' needs 'min', 'max' or both", lines);
        }

        [Fact]
        public void Should_reject_a_wrong_api_version_and_kind()
        {
            // Given another apiVersion and kind
            var lines = Lint.Of(Policies.One().Replace("modelcert/v1", "modelcert/v2", StringComparison.Ordinal).Replace("kind: Policy", "kind: policy", StringComparison.Ordinal));

            // When it is linted / Then both say what is expected
            Assert.Equal(["p.yaml:1:13: 'apiVersion' must be 'modelcert/v1'; found 'modelcert/v2'", "p.yaml:2:7: 'kind' must be 'Policy'; found 'policy'"], lines);
        }
    }
}
