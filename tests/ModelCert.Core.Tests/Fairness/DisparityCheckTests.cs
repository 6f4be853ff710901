using ModelCert.Core.Checks.Fairness;
using ModelCert.Core.Fairness;
using ModelCert.Core.Requirements;
using ModelCert.Core.Tests.Properties;
using Xunit;
using static ModelCert.Core.Tests.Fairness.FairnessRequirements;

namespace ModelCert.Core.Tests.Fairness;

public sealed class DisparityCheckTests
{
    private const string DemographicParity = "fairness.demographic-parity-difference";

    private static DisparityCheck Check => new(DemographicParity, FairnessMetric.DemographicParityDifference, needsLabels: false);

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_the_aif360_difference_against_the_privileged_group_as_a_magnitude()
        {
            // Given F selected at 0.3 and M, the privileged group, at 0.6, 100 rows each
            var data = Data(DefinitionProfile.Aif360, (0, false, true, 30), (0, false, false, 70), (1, false, true, 60), (1, false, false, 40));
            var requirement = AtMost(DemographicParity, 0.1, new RequirementParameters { Privileged = new Dictionary<string, string> { ["sex"] = "M" } });

            // When demographic parity is checked
            var result = Assert.Single(Check.Evaluate(data, requirement));

            // Then the value is |0.3 - 0.6| = 0.3, its interval is of magnitudes too, and the ceiling of 0.1 fails
            Approx.Equal(0.3, result.Value, 1e-12, "aif360 difference magnitude");
            Assert.True(result.Ci is [var low, var high] && low >= 0 && low <= 0.3 && high >= 0.3, $"interval {Sections.Show(result.Ci)} should hold magnitudes around 0.3");
            Assert.True(result.Outcome == Outcome.Fail, $"outcome {result.Outcome}: {result.Message}");
        }

        [Fact]
        public void Should_take_the_privileged_group_from_the_submission_when_the_policy_names_none()
        {
            // Given F selected at 0.3 and M at 0.6, with M named privileged by the submission, not the requirement
            var privileged = new Dictionary<string, string> { ["sex"] = "M" };
            var data = Data(DefinitionProfile.Aif360, privileged, (0, false, true, 30), (0, false, false, 70), (1, false, true, 60), (1, false, false, 40));

            // When demographic parity is checked
            var result = Assert.Single(Check.Evaluate(data, AtMost(DemographicParity, 0.5)));

            // Then it is measured against M: |0.3 - 0.6|
            Approx.Equal(0.3, result.Value, 1e-12, "aif360 difference against the submission's privileged group");
        }

        [Fact]
        public void Should_be_an_error_under_aif360_without_a_privileged_group()
        {
            // Given the aif360 profile and no privileged group named for 'sex'
            var data = Data(DefinitionProfile.Aif360, (0, false, true, 5), (1, false, false, 5));

            // When demographic parity is checked
            var result = Assert.Single(Check.Evaluate(data, AtMost(DemographicParity, 0.1)));

            // Then it cannot be evaluated, and the message says what to set and lists the groups
            Assert.True(result.Outcome == Outcome.Error, $"outcome {result.Outcome}: {result.Message}");
            Assert.Contains("params.privileged", result.Message, StringComparison.Ordinal);
            Assert.Contains("groups: F, M", result.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_send_a_pass_to_review_when_a_group_is_too_small_to_decide()
        {
            // Given F and M selected alike, with M under the minimum group size of 30
            var data = Data(DefinitionProfile.Strict, (0, false, true, 50), (0, false, false, 50), (1, false, true, 5), (1, false, false, 5));
            var requirement = AtMost(DemographicParity, 0.5, new RequirementParameters { MinGroupSize = 30 });

            // When demographic parity is checked
            var result = Assert.Single(Check.Evaluate(data, requirement));

            // Then M is left out of the decision and named, and what would pass goes to review
            Assert.True(result.Outcome == Outcome.Review, $"outcome {result.Outcome}: {result.Message}");
            Assert.Contains("M (10)", result.Message, StringComparison.Ordinal);
            Assert.Equal(["M"], Expect.Detail<List<string>>(result, "small_groups", "groups the report marks as small"));
            Assert.Equal(30, Expect.Detail<int>(result, "min_group_size", "the size they were measured against"));
        }

        [Fact]
        public void Should_name_rates_counted_as_zero_under_fairlearn()
        {
            // Given M with no actual positives, so its TPR is 0/0
            var data = Data(DefinitionProfile.Fairlearn, (0, true, true, 8), (0, true, false, 2), (1, false, true, 5), (1, false, false, 5));
            var check = new DisparityCheck("fairness.equal-opportunity-difference", FairnessMetric.EqualOpportunityDifference, needsLabels: true);

            // When equal opportunity is checked
            var result = Assert.Single(check.Evaluate(data, AtMost("fairness.equal-opportunity-difference", 0.1)));

            // Then M's TPR counts as 0 (difference 0.8 - 0) and the message says so
            Approx.Equal(0.8, result.Value, 1e-12, "fairlearn TPR difference");
            Assert.Contains("counted as 0 (fairlearn profile): M: tpr", result.Message, StringComparison.Ordinal);
        }
    }
}
