using ModelCert.Core.Fairness;
using ModelCert.Core.Tests.Properties;
using Xunit;
using static ModelCert.Core.Tests.Fairness.FairnessRequirements;

namespace ModelCert.Core.Tests.Fairness;

public sealed class FairnessSectionsTests
{
    public sealed class FairnessSections
    {
        [Fact]
        public void Should_report_aif360_aggregates_against_the_named_privileged_group()
        {
            // Given F selected at 0.3 and M at 0.6, under the aif360 profile with M privileged
            var privileged = new Dictionary<string, string> { ["sex"] = "M" };
            var data = Data(DefinitionProfile.Aif360, privileged, (0, false, true, 3), (0, false, false, 7), (1, false, true, 6), (1, false, false, 4));

            // When the fairness sections are computed
            var section = data.Metrics.FairnessSections()["sex"];

            // Then the difference is F - M = -0.3 and the ratio F / M = 0.5, and the privileged group is recorded
            Approx.Equal(-0.3, section.DemographicParityDifference, 1e-12, "aif360 difference");
            Approx.Equal(0.5, section.DemographicParityRatio, 1e-12, "aif360 ratio");
            Assert.True(section.Privileged == "M", $"privileged {section.Privileged}");
        }

        [Fact]
        public void Should_fall_back_to_strict_under_aif360_without_a_privileged_group()
        {
            // Given F selected at 0.3 and M at 0.6, under the aif360 profile
            var data = Data(DefinitionProfile.Aif360, (0, false, true, 3), (0, false, false, 7), (1, false, true, 6), (1, false, false, 4));

            // When the fairness sections are computed with no privileged group named
            var section = data.Metrics.FairnessSections()["sex"];

            // Then the strict max - min and min / max are reported
            Approx.Equal(0.3, section.DemographicParityDifference, 1e-12, "strict difference");
            Approx.Equal(0.5, section.DemographicParityRatio, 1e-12, "strict ratio");
            Assert.True(section.Privileged is null, $"privileged {section.Privileged}");
        }

        [Fact]
        public void Should_list_undefined_rates_and_report_them_by_profile()
        {
            // Given M with no actual positives and no predicted positives
            var strict = Data(DefinitionProfile.Strict, (0, true, true, 4), (0, false, false, 6), (1, false, false, 10));
            var fairlearn = Data(DefinitionProfile.Fairlearn, (0, true, true, 4), (0, false, false, 6), (1, false, false, 10));

            // When the fairness sections are computed
            var strictSection = strict.Metrics.FairnessSections()["sex"];
            var fairlearnSection = fairlearn.Metrics.FairnessSections()["sex"];

            // Then both name M's undefined rates; strict leaves them out (F alone: no difference), fairlearn reports 0 (1 - 0)
            Assert.Equal(["M: tpr", "M: fnr", "M: precision"], strictSection.UndefinedRates);
            Assert.True(strictSection.Groups["M"].Tpr is null && strictSection.Groups["M"].Precision is null, "strict leaves M's TPR and precision out");
            Approx.Equal(0, fairlearnSection.Groups["M"].Tpr, 0, "fairlearn TPR of M");
            Approx.Equal(0, fairlearnSection.Groups["M"].Precision, 0, "fairlearn precision of M");
            Approx.Equal(0, strictSection.EqualOpportunityDifference, 0, "strict equal opportunity over F alone");
            Approx.Equal(1, fairlearnSection.EqualOpportunityDifference, 0, "fairlearn equal opportunity, M's TPR as 0");
        }
    }
}
