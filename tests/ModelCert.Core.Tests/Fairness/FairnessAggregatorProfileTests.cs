using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Fairness;

/// <summary>The three definition profiles on small hand-made groups.</summary>
public sealed class FairnessAggregatorProfileTests
{
    /// <summary>Cells of a group with the given counts (TN, FP, FN, TP).</summary>
    private static long[] Groups(params (long Tn, long Fp, long Fn, long Tp)[] groups) =>
        [.. groups.SelectMany(g => new[] { g.Tn, g.Fp, g.Fn, g.Tp })];

    /// <summary>A group of 10 rows, all labelled negative, with the given number selected.</summary>
    private static (long, long, long, long) Selected(long selected) => (10 - selected, selected, 0, 0);

    private static bool[] All(int groups) => [.. Enumerable.Repeat(true, groups)];

    public sealed class Rate
    {
        [Fact]
        public void Should_report_a_zero_denominator_as_zero_under_fairlearn_only()
        {
            // Given a group with no actual positives and no predicted positives: TPR, FNR and precision are 0/0
            var counts = new ConfusionCounts(5, 0, 0, 0);

            foreach (var kind in new[] { GroupRateKind.Tpr, GroupRateKind.Fnr, GroupRateKind.Precision })
            {
                // When the rate is read under each profile
                // Then fairlearn reports 0, strict and aif360 report nothing
                Approx.Equal(0, FairnessAggregator.Rate(kind, counts, DefinitionProfile.Fairlearn), 0, $"fairlearn {kind}");
                Assert.True(FairnessAggregator.Rate(kind, counts, DefinitionProfile.Strict) is null, $"strict {kind} should be undefined");
                Assert.True(FairnessAggregator.Rate(kind, counts, DefinitionProfile.Aif360) is null, $"aif360 {kind} should be undefined");
            }

            // And defined rates are the same under every profile
            foreach (var profile in Enum.GetValues<DefinitionProfile>())
            {
                Approx.Equal(0, FairnessAggregator.Rate(GroupRateKind.Fpr, counts, profile), 0, $"{profile} FPR");
                Approx.Equal(1, FairnessAggregator.Rate(GroupRateKind.Accuracy, counts, profile), 0, $"{profile} accuracy");
            }
        }
    }

    public sealed class Spread
    {
        [Fact]
        public void Should_count_a_group_without_positives_as_zero_tpr_under_fairlearn_and_leave_it_out_under_strict()
        {
            // Given TPRs 0.8 and 0.5, and a third group with no actual positives
            var cells = Groups((5, 0, 2, 8), (5, 0, 5, 5), (10, 0, 0, 0));

            // When the TPR spread is taken
            var fairlearn = FairnessAggregator.Spread(GroupRateKind.Tpr, cells, All(3), DefinitionProfile.Fairlearn);
            var strict = FairnessAggregator.Spread(GroupRateKind.Tpr, cells, All(3), DefinitionProfile.Strict);

            // Then fairlearn compares 0.8 with 0 (difference 0.8, ratio 0); strict compares 0.8 with 0.5 (0.3, 0.625)
            Approx.Equal(0.8, fairlearn.Difference, 1e-15, "fairlearn difference");
            Approx.Equal(0, fairlearn.Ratio, 0, "fairlearn ratio");
            Approx.Equal(0.3, strict.Difference, 1e-15, "strict difference");
            Approx.Equal(0.625, strict.Ratio, 1e-15, "strict ratio");
        }

        [Fact]
        public void Should_leave_the_ratio_undefined_when_every_rate_is_zero()
        {
            // Given two groups that select nobody
            var cells = Groups(Selected(0), Selected(0));

            // When the selection-rate spread is taken
            var fairlearn = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(2), DefinitionProfile.Fairlearn);
            var strict = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(2), DefinitionProfile.Strict);

            // Then the difference is 0 and the ratio 0/0: NaN as fairlearn gives it, nothing under strict
            Approx.Equal(0, fairlearn.Difference, 0, "fairlearn difference");
            Assert.True(fairlearn.Ratio is { } r && double.IsNaN(r), $"fairlearn ratio {fairlearn.Ratio}, expected NaN");
            Approx.Equal(0, strict.Difference, 0, "strict difference");
            Assert.True(strict.Ratio is null, $"strict ratio {strict.Ratio}, expected none");
        }

        [Fact]
        public void Should_ignore_groups_left_out()
        {
            // Given selection rates 0.2, 0.5 and 0.9, the last left out (too small, say)
            var cells = Groups(Selected(2), Selected(5), Selected(9));
            bool[] include = [true, true, false];

            // When the spread is taken
            var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, include, DefinitionProfile.Strict);

            // Then only 0.2 and 0.5 count
            Approx.Equal(0.3, spread.Difference, 1e-15, "difference without the left-out group");
            Approx.Equal(0.4, spread.Ratio, 1e-15, "ratio without the left-out group");
        }

        [Fact]
        public void Should_be_undefined_when_no_group_is_included()
        {
            // Given two groups, both left out
            var cells = Groups(Selected(2), Selected(5));

            // When the spread is taken under each profile
            // Then there is neither a difference nor a ratio
            foreach (var profile in Enum.GetValues<DefinitionProfile>())
            {
                var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, [false, false], profile, privileged: 0);
                Assert.True(spread == (null, null), $"{profile}: {spread}, expected nothing");
            }
        }
    }

    public sealed class Aif360
    {
        [Fact]
        public void Should_compare_the_group_farthest_below_the_privileged_one()
        {
            // Given a privileged group selecting 0.5, and unprivileged groups selecting 0.3 and 0.6
            var cells = Groups(Selected(5), Selected(3), Selected(6));

            // When the aif360 spread is taken against group 0
            var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(3), DefinitionProfile.Aif360, privileged: 0);

            // Then the difference is unprivileged - privileged for the farthest group (0.3 - 0.5), and the ratio 0.3 / 0.5
            Approx.Equal(-0.2, spread.Difference, 1e-15, "difference, farthest group 0.3");
            Approx.Equal(0.6, spread.Ratio, 1e-15, "ratio, farthest group 0.3 (0.6 beats 1 / 1.2)");
        }

        [Fact]
        public void Should_compare_the_group_farthest_above_the_privileged_one()
        {
            // Given a privileged group selecting 0.4, and unprivileged groups selecting 0.6 and 0.5
            var cells = Groups(Selected(6), Selected(4), Selected(5));

            // When the aif360 spread is taken against group 1
            var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(3), DefinitionProfile.Aif360, privileged: 1);

            // Then the difference is +0.2 (0.6 - 0.4) and the ratio 1.5 (0.6 / 0.4): above parity, so above 1
            Approx.Equal(0.2, spread.Difference, 1e-15, "difference, farthest group 0.6");
            Approx.Equal(1.5, spread.Ratio, 1e-15, "ratio, farthest group 0.6");
        }

        [Fact]
        public void Should_pick_the_ratio_farthest_from_one_on_a_multiplicative_scale()
        {
            // Given a privileged group at 0.4, and unprivileged groups at 0.25 (ratio 0.625, 1/1.6) and 0.7 (ratio 1.75)
            var cells = Groups((6, 4, 0, 0), (15, 5, 0, 0), (3, 7, 0, 0));

            // When the aif360 spread is taken against group 0
            var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(3), DefinitionProfile.Aif360, privileged: 0);

            // Then the ratio is 1.75, farther from 1 than 0.625 is (1.75 > 1.6), and the difference +0.3 (0.7 - 0.4 beats 0.25 - 0.4)
            Approx.Equal(1.75, spread.Ratio, 1e-15, "ratio");
            Approx.Equal(0.3, spread.Difference, 1e-15, "difference");
        }

        [Fact]
        public void Should_leave_the_ratio_undefined_when_the_privileged_rate_is_zero()
        {
            // Given a privileged group selecting nobody and another selecting 0.3
            var cells = Groups(Selected(0), Selected(3));

            // When the aif360 spread is taken against group 0
            var spread = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(2), DefinitionProfile.Aif360, privileged: 0);

            // Then the difference is 0.3 and the ratio x / 0 is undefined
            Approx.Equal(0.3, spread.Difference, 1e-15, "difference");
            Assert.True(spread.Ratio is null, $"ratio {spread.Ratio}, expected none");
        }

        [Fact]
        public void Should_be_undefined_without_a_usable_privileged_group()
        {
            // Given two groups selecting 0.2 and 0.5
            var cells = Groups(Selected(2), Selected(5));

            // When the aif360 spread is taken with no privileged group, with it left out, and with only it included
            var none = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, All(2), DefinitionProfile.Aif360, privileged: -1);
            var leftOut = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, [false, true], DefinitionProfile.Aif360, privileged: 0);
            var alone = FairnessAggregator.Spread(GroupRateKind.SelectionRate, cells, [true, false], DefinitionProfile.Aif360, privileged: 0);

            // Then there is nothing to compare
            Assert.True(none == (null, null), $"no privileged group: {none}");
            Assert.True(leftOut == (null, null), $"privileged group left out: {leftOut}");
            Assert.True(alone == (null, null), $"privileged group alone: {alone}");
        }

        [Fact]
        public void Should_take_the_equalized_odds_side_farther_from_parity()
        {
            // Given a privileged group with TPR 0.8 and FPR 0.1, and another with TPR 0.6 and FPR 0.4
            var cells = Groups((9, 1, 2, 8), (6, 4, 4, 6));

            // When the equalized odds aggregates are computed against group 0
            var difference = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsDifference, cells, All(2), DefinitionProfile.Aif360, privileged: 0);
            var ratio = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsRatio, cells, All(2), DefinitionProfile.Aif360, privileged: 0);

            // Then the difference is the FPR's +0.3 (larger than the TPR's -0.2), and the ratio the FPR's 4 (farther from 1 than 0.75)
            Approx.Equal(0.3, difference, 1e-15, "equalized odds difference");
            Approx.Equal(4, ratio, 1e-14, "equalized odds ratio");
        }
    }

    public sealed class Strict
    {
        [Fact]
        public void Should_fall_back_to_the_defined_side_of_equalized_odds()
        {
            // Given two groups with only positive labels: TPRs 0.9 and 0.6, no FPR anywhere
            var cells = Groups((0, 0, 1, 9), (0, 0, 4, 6));

            // When equalized odds is computed under strict and under fairlearn
            var strict = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsDifference, cells, All(2), DefinitionProfile.Strict);
            var fairlearn = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsDifference, cells, All(2), DefinitionProfile.Fairlearn);

            // Then strict uses the TPR side alone (0.3); fairlearn counts the FPRs as 0 and gets max(0.3, 0) = 0.3 too
            Approx.Equal(0.3, strict, 1e-15, "strict equalized odds difference");
            Approx.Equal(0.3, fairlearn, 1e-15, "fairlearn equalized odds difference");
        }
    }
}
