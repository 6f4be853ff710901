using ModelCert.Core.Checks;
using ModelCert.Policy.Parsing;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class SuggestionsTests
{
    private static readonly string[] CheckIds = [.. CheckCatalog.All.Select(c => c.Id)];

    public sealed class Closest
    {
        [Theory]
        [InlineData("treshold", "threshold")]
        [InlineData("thresold", "threshold")]
        [InlineData("on-fail", "on_fail")]
        [InlineData("OnUncertain", "on_uncertain")]
        [InlineData("minsample", "min_sample")]
        [InlineData("remedation", "remediation")]
        public void Should_find_the_field_meant(string typed, string meant)
        {
            // Given a typo of a requirement field / When the closest is asked / Then it is the field meant
            Assert.Equal(meant, Suggestions.Closest(typed, PolicyFields.Requirement));
        }

        [Theory]
        [InlineData("performance.acuracy", "performance.accuracy")]
        [InlineData("performance.rocauc", "performance.roc-auc")]
        [InlineData("fairness.demographic-parity", "fairness.demographic-parity-ratio")]
        [InlineData("equalized-odds-ratio", "fairness.equalized-odds-ratio")]
        [InlineData("data-quality.duplicate", "data-quality.duplicates")]
        [InlineData("fairness.equal-oportunity-difference", "fairness.equal-opportunity-difference")]
        public void Should_find_the_check_meant(string typed, string meant)
        {
            // Given a typo of a check id / When the closest is asked / Then it is the check meant
            Assert.Equal(meant, Suggestions.Closest(typed, CheckIds));
        }

        [Theory]
        [InlineData("colour")]
        [InlineData("performance.aucc")]
        [InlineData("x")]
        public void Should_suggest_nothing_for_unrelated_names(string typed)
        {
            // Given a name nothing resembles / When the closest is asked / Then there is none
            Assert.Null(Suggestions.Closest(typed, [.. PolicyFields.Requirement, .. CheckIds]));
        }
    }

    public sealed class Distance
    {
        [Theory]
        [InlineData("", "", 0)]
        [InlineData("abc", "abc", 0)]
        [InlineData("abc", "acb", 1)]
        [InlineData("kitten", "sitting", 3)]
        [InlineData("", "abc", 3)]
        public void Should_count_edits_with_swaps_as_one(string a, string b, int expected)
        {
            // Given two strings / When their distance is computed / Then it counts insertions, deletions, substitutions and swaps
            Assert.Equal(expected, Suggestions.Distance(a, b));
            Assert.Equal(expected, Suggestions.Distance(b, a));
        }
    }
}
