using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class ParsingErrorTests
{
    public sealed class Parameters
    {
        private const string Fairness = "fairness.demographic-parity-ratio";

        [Fact]
        public void Should_reject_a_parameter_the_check_does_not_take()
        {
            // Given bins on a fairness check
            var lines = Lint.Of(Policies.One(check: Fairness) + "    params: { bins: 10 }\n");

            // When it is linted / Then it lists what the check takes
            Lint.Single(
                $"p.yaml:11:15: parameter 'bins' does not apply for check '{Fairness}'; valid parameters: attributes, intersections, min_group_size, min_group_share, privileged",
                lines);
        }

        [Fact]
        public void Should_say_when_a_check_takes_no_parameters()
        {
            // Given params on accuracy
            var lines = Lint.Of(Policies.One() + "    params: { attributes: all }\n");

            // When it is linted / Then it says accuracy takes none
            Lint.Single("p.yaml:11:15: unknown parameter 'attributes' for check 'performance.accuracy'; it takes no parameters", lines);
        }

        [Fact]
        public void Should_suggest_a_misspelt_parameter()
        {
            // Given min_group_sise
            var lines = Lint.Of(Policies.One(check: Fairness) + "    params: { min_group_sise: 30 }\n");

            // When it is linted / Then the right name is suggested
            Lint.Single($"p.yaml:11:15: unknown parameter 'min_group_sise' for check '{Fairness}'; did you mean 'min_group_size'?", lines);
        }

        [Theory]
        [InlineData("attributes: sex", "p.yaml:11:27: 'attributes' must be a list of attribute names, e.g. [sex, race], or all")]
        [InlineData("attributes: []", "p.yaml:11:27: 'attributes' must be a non-empty list of names, e.g. [a, b]")]
        [InlineData("attributes: [sex, Sex]", "p.yaml:11:33: 'Sex' is listed twice in 'attributes' (names match case-insensitively)")]
        [InlineData("min_group_size: 0", "p.yaml:11:31: 'min_group_size' must be at least 1; found 0")]
        [InlineData("min_group_share: 1", "p.yaml:11:32: 'min_group_share' must be at least 0 and below 1, e.g. 0.02; found 1")]
        [InlineData("min_group_share: -0.1", "p.yaml:11:32: 'min_group_share' must be at least 0 and below 1, e.g. 0.02; found -0.1")]
        [InlineData("privileged: Male", "p.yaml:11:27: 'privileged' must map attribute names to their reference value, e.g. { sex: Male }")]
        [InlineData("privileged: { sex: [Male] }", "p.yaml:11:34: privileged value of 'sex' must be a single value")]
        public void Should_check_fairness_parameter_types_and_ranges(string parameter, string expected)
        {
            // Given a fairness check with one bad parameter
            var lines = Lint.Of(Policies.One(check: Fairness) + $"    params: {{ {parameter} }}\n");

            // When it is linted / Then the value is reported with what is expected
            Lint.Single(expected, lines);
        }

        [Theory]
        [InlineData("kinds: [email, passport]", "p.yaml:11:30: each item of 'kinds' must be one of email, phone, ssn, card, iban; found 'passport'")]
        [InlineData("kinds: [emial]", "p.yaml:11:23: each item of 'kinds' must be one of email, phone, ssn, card, iban; found 'emial'; did you mean 'email'?")]
        [InlineData("datasets: [test, validation]", "p.yaml:11:32: each item of 'datasets' must be one of test, train, shifted; found 'validation'")]
        public void Should_accept_only_the_names_a_list_parameter_allows(string parameter, string expected)
        {
            // Given the PII scan with a name its list parameter does not know
            var lines = Lint.Of(Policies.One(check: "security.pii") + $"    params: {{ {parameter} }}\n");

            // When it is linted / Then the name is reported with the allowed ones
            Lint.Single(expected, lines);
        }

        [Fact]
        public void Should_match_allowed_names_case_insensitively()
        {
            // Given the PII scan narrowed with names in another case
            var lines = Lint.Of(Policies.One(check: "security.pii") + "    params: { kinds: [Email, SSN], datasets: [Train] }\n");

            // When it is linted / Then nothing is reported
            Lint.Clean(lines, "names in another case");
        }

        [Theory]
        [InlineData("bins: 1", "p.yaml:11:21: 'bins' must be between 2 and 1000; found 1")]
        [InlineData("bins: 1001", "p.yaml:11:21: 'bins' must be between 2 and 1000; found 1001")]
        [InlineData("bins: ten", "p.yaml:11:21: 'bins' must be a whole number; found 'ten'")]
        public void Should_check_bins(string parameter, string expected)
        {
            // Given calibration error with bad bins
            var lines = Lint.Of(Policies.One(check: "performance.ece") + $"    params: {{ {parameter} }}\n");

            // When it is linted / Then the range is given
            Lint.Single(expected, lines);
        }

        [Fact]
        public void Should_read_every_parameter_into_the_resolved_requirement()
        {
            // Given a fairness requirement with every group parameter
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One(check: Fairness)
                + "    params: { attributes: [sex, race], intersections: false, min_group_size: 50, min_group_share: 0.02, privileged: { sex: Male, race: White } }\n");

            // When it is resolved
            var parameters = Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).Parameters;

            // Then each value is there
            Assert.Equal(["sex", "race"], parameters.Attributes);
            Assert.False(parameters.Intersections, "intersections");
            Assert.Equal(50, parameters.MinGroupSize);
            Assert.Equal(0.02, parameters.MinGroupShare);
            Assert.Equal("Male", parameters.Privileged["sex"]);
            Assert.Equal("White", parameters.Privileged["race"]);
        }

        [Fact]
        public void Should_default_to_all_attributes_with_intersections()
        {
            // Given a fairness requirement without params
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One(check: Fairness));

            // When it is resolved
            var parameters = Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).Parameters;

            // Then attributes are all (null), intersections on, the rest unset
            Assert.Null(parameters.Attributes);
            Assert.True(parameters.Intersections, "intersections default");
            Assert.Null(parameters.MinGroupSize);
            Assert.Empty(parameters.Privileged);
        }
    }

    public sealed class AllAtOnce
    {
        [Fact]
        public void Should_throw_once_with_every_problem_one_per_line()
        {
            // Given a file with four unrelated mistakes
            using var folder = new PolicyFolder();
            folder.Write("bad.yaml", Policies.With("""
                requirements:
                  - id: r1
                    check: performance.acuracy
                    threshold: { min: .nan }
                    on_fail: maybe
                    on_fail: warn

                """));

            // When it is resolved
            var error = folder.ResolveFails(Policies.Classification, "bad.yaml");

            // Then all four are in the exception, in file order, formatted file:line:column: message
            string[] expected =
            [
                "bad.yaml:8:12: unknown check 'performance.acuracy'; did you mean 'performance.accuracy'?",
                "bad.yaml:9:23: 'min' must be a finite number; found '.nan'",
                "bad.yaml:10:14: 'on_fail' must be one of block, review, warn; found 'maybe'",
                "bad.yaml:11:5: duplicate key 'on_fail' (first at line 10)",
            ];
            Assert.Equal(expected, error.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(string.Join('\n', expected), error.Message);
            Assert.IsAssignableFrom<ModelCert.Core.InputException>(error);
        }
    }
}
