using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Fairness;

/// <summary>The aggregates against their definitions, computed the plain way from each group's rates.</summary>
public sealed class FairnessAggregatorDefinitionTests
{
    private static readonly Gen<(long[] Cells, bool[] Include, DefinitionProfile Profile)> Groups =
        from groups in Gen.Choose(1, 6)
        from cells in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0L)), (3, Gen.Choose(0, 40).Select(c => (long)c))), 4 * groups)
        from include in Gen.ArrayOf(EvaluationCases.Percent(80), groups)
        from profile in Gen.Elements(DefinitionProfile.Strict, DefinitionProfile.Fairlearn)
        select (cells, include, profile);

    private static double? Rate(GroupRateKind kind, ConfusionCounts c) => kind switch
    {
        GroupRateKind.SelectionRate => c.Count == 0 ? null : (double)(c.Tp + c.Fp) / c.Count,
        GroupRateKind.Tpr => c.Tp + c.Fn == 0 ? null : (double)c.Tp / (c.Tp + c.Fn),
        GroupRateKind.Fpr => c.Fp + c.Tn == 0 ? null : (double)c.Fp / (c.Fp + c.Tn),
        GroupRateKind.Precision => c.Tp + c.Fp == 0 ? null : (double)c.Tp / (c.Tp + c.Fp),
        _ => c.Count == 0 ? null : (double)(c.Tp + c.Tn) / c.Count,
    };

    /// <summary>fairlearn's between_groups: max - min and min / max over the included groups' rates (0/0 as 0 under fairlearn, left out under strict).</summary>
    private static (double? Difference, double? Ratio) Plain(GroupRateKind kind, long[] cells, bool[] include, DefinitionProfile profile)
    {
        var rates = Enumerable.Range(0, include.Length)
            .Where(g => include[g])
            .Select(g => Rate(kind, ConfusionCounts.FromCells(cells.AsSpan(g * 4, 4))) ?? (profile == DefinitionProfile.Fairlearn ? 0 : null))
            .OfType<double>()
            .ToList();
        if (rates.Count == 0)
        {
            return (null, null);
        }

        var (min, max) = (rates.Min(), rates.Max());
        return (max - min, max == 0 ? (profile == DefinitionProfile.Fairlearn ? double.NaN : null) : min / max);
    }

    private static string Show(long[] cells, bool[] include, DefinitionProfile profile) =>
        $"{profile}, groups " + string.Join(" ", Enumerable.Range(0, include.Length).Select(g => $"[{string.Join(",", cells.Skip(g * 4).Take(4))}]{(include[g] ? string.Empty : "(out)")}"));

    public sealed class Compute
    {
        [Fact]
        public void Should_match_max_minus_min_and_min_over_max_of_each_rate()
        {
            (FairnessMetric Metric, GroupRateKind Kind, bool Ratio)[] definitions =
            [
                (FairnessMetric.DemographicParityDifference, GroupRateKind.SelectionRate, false),
                (FairnessMetric.DemographicParityRatio, GroupRateKind.SelectionRate, true),
                (FairnessMetric.EqualOpportunityDifference, GroupRateKind.Tpr, false),
                (FairnessMetric.EqualOpportunityRatio, GroupRateKind.Tpr, true),
                (FairnessMetric.PredictiveParityDifference, GroupRateKind.Precision, false),
                (FairnessMetric.PredictiveParityRatio, GroupRateKind.Precision, true),
                (FairnessMetric.FprDifference, GroupRateKind.Fpr, false),
                (FairnessMetric.AccuracyDifference, GroupRateKind.Accuracy, false),
            ];
            PropertyRunner.Hold(Groups, sample =>
            {
                // Given random groups' cells, some groups left out, under strict or fairlearn
                var (cells, include, profile) = sample;

                foreach (var (metric, kind, ratio) in definitions)
                {
                    // When the aggregate is computed
                    var actual = FairnessAggregator.Compute(metric, cells, include, profile);

                    // Then it is the plain difference or ratio of that rate over the included groups
                    var plain = Plain(kind, cells, include, profile);
                    Approx.Equal(ratio ? plain.Ratio : plain.Difference, actual, 1e-15, $"{metric}, {Show(cells, include, profile)}");
                }
            });
        }

        [Fact]
        public void Should_take_equalized_odds_as_the_worse_of_tpr_and_fpr()
        {
            PropertyRunner.Hold(Groups, sample =>
            {
                // Given random groups' cells
                var (cells, include, profile) = sample;

                // When the equalized odds difference and ratio are computed
                var difference = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsDifference, cells, include, profile);
                var ratio = FairnessAggregator.Compute(FairnessMetric.EqualizedOddsRatio, cells, include, profile);

                // Then they are max(TPR difference, FPR difference) and min(TPR ratio, FPR ratio);
                // under strict, a side with no defined rate is left out
                var tpr = Plain(GroupRateKind.Tpr, cells, include, profile);
                var fpr = Plain(GroupRateKind.Fpr, cells, include, profile);
                static double? Worse(double? a, double? b, Func<double, double, double> pick, DefinitionProfile profile) =>
                    a is { } x && b is { } y ? pick(x, y) : profile == DefinitionProfile.Strict ? a ?? b : null;
                var because = Show(cells, include, profile);
                Approx.Equal(Worse(tpr.Difference, fpr.Difference, Math.Max, profile), difference, 0, $"equalized odds difference, {because}");
                Approx.Equal(Worse(tpr.Ratio, fpr.Ratio, Math.Min, profile), ratio, 0, $"equalized odds ratio, {because}");
            });
        }

        [Fact]
        public void Should_ignore_the_cells_of_groups_left_out()
        {
            var cases =
                from sample in Groups
                from other in Gen.ArrayOf(Gen.Choose(0, 40).Select(c => (long)c), sample.Cells.Length)
                select (sample.Cells, sample.Include, sample.Profile, Other: other);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given random groups' cells, and the same with every left-out group's cells replaced at random
                var (cells, include, profile, other) = sample;
                long[] replaced = [.. cells.Select((c, i) => include[i / 4] ? c : other[i])];

                // When every aggregate is computed on both
                // Then they agree: a group left out has no say
                foreach (var metric in Enum.GetValues<FairnessMetric>())
                {
                    Approx.Equal(
                        FairnessAggregator.Compute(metric, cells, include, profile),
                        FairnessAggregator.Compute(metric, replaced, include, profile),
                        0,
                        $"{metric}, {Show(cells, include, profile)}");
                }
            });
        }
    }
}
