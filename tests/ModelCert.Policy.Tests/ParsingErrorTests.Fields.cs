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

    public sealed class Identifiers
    {
        [Fact]
        public void Should_reject_a_badly_formed_policy_name_and_requirement_id()
        {
            // Given a capitalised name and an id with a space
            var lines = Lint.Of(Policies.One(name: "Lending", id: "\"fair rate\""));

            // When it is linted / Then both are reported with the allowed characters
            Assert.Equal(
                [
                    "p.yaml:4:9: 'name' must be lower-case letters, digits and '-' only; found 'Lending'",
                    "p.yaml:7:9: requirement 'id' must start with a lower-case letter or digit and use only a-z, 0-9, '.', '_' and '-'; found 'fair rate'",
                ],
                lines);
        }

        [Fact]
        public void Should_reject_a_duplicate_requirement_id()
        {
            // Given the same id twice in one file
            var yaml = Policies.With("""
                requirements:
                  - id: r1
                    check: performance.accuracy
                    threshold: { min: 0.5 }
                  - id: r1
                    check: performance.recall
                    threshold: { min: 0.5 }

                """);

            // When it is linted / Then the second is reported with the line of the first
            Lint.Single("p.yaml:10:5: duplicate requirement id 'r1' (first at line 7)", Lint.Of(yaml));
        }
    }

    public sealed class Thresholds
    {
        [Fact]
        public void Should_reject_min_above_max()
        {
            // Given min 0.9 and max 0.5
            var lines = Lint.Of(Policies.One(min: 0.9) + "      max: 0.5\n");

            // When it is linted / Then it is reported at max
            Lint.Single("p.yaml:11:7: threshold min 0.9 is greater than max 0.5; no measurement could pass", lines);
        }

        [Fact]
        public void Should_suggest_min_for_minimum()
        {
            // Given threshold: { minimum: 0.8 }
            var lines = Lint.Of(Policies.One().Replace("min: 0.7", "minimum: 0.7", StringComparison.Ordinal));

            // When it is linted / Then the unknown key gets a hint and the empty threshold is reported
            Lint.Contains("p.yaml:10:7: unknown field 'minimum' in threshold; valid fields: min, max", lines);
            Lint.Contains("p.yaml:10:7: 'threshold' needs 'min', 'max' or both", lines);
        }
    }

    public sealed class Scopes
    {
        [Fact]
        public void Should_check_tasks_and_risk_tiers_against_their_choices()
        {
            // Given a policy scope with a misspelt task and an unknown risk tier
            var lines = Lint.Of(Policies.One() + "scope: { tasks: [clasification], risk_tiers: [severe], jurisdictions: [US] }\n");

            // When it is linted / Then each is reported with the choices
            Assert.Equal(
                [
                    "p.yaml:11:18: 'tasks' must be one of binary_classification, regression; found 'clasification'",
                    "p.yaml:11:47: 'risk_tiers' must be one of minimal, limited, high, unacceptable; found 'severe'",
                ],
                lines);
        }

        [Fact]
        public void Should_want_lists_not_single_values()
        {
            // Given tasks: regression (not a list)
            var lines = Lint.Of(Policies.One() + "scope:\n  tasks: regression\n");

            // When it is linted / Then it shows the list form
            Lint.Single("p.yaml:12:10: 'tasks' must be a list, e.g. [binary_classification]", lines);
        }
    }
}
