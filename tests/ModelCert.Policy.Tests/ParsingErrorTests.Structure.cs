using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class ParsingErrorTests
{
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
