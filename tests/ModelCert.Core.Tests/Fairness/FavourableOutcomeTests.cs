using ModelCert.Core.Checks.Fairness;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;
using static ModelCert.Core.Tests.Fairness.FairnessRequirements;

namespace ModelCert.Core.Tests.Fairness;

/// <summary>
/// Fairness on the favourable outcome when it is the negative class, against a table small enough to compute by hand:
/// F has TP 3, FP 1, FN 2, TN 4 and M has TP 5, FP 3, FN 1, TN 1 (positive class = flagged). With the negative class
/// favourable, a favourable decision is a negative one and a favourable label a negative label, so F's favourable
/// rate is (FN + TN) / 10 = 0.6 and M's 0.2; the favourable TPR is TN / (TN + FP): F 4/5, M 1/4; the favourable FPR is
/// FN / (FN + TP): F 2/5, M 1/6.
/// </summary>
public sealed class FavourableOutcomeTests
{
    private static EvaluationData Table(FavourableOutcome favourable)
    {
        (int Group, bool Truth, bool Predicted, int Count)[] blocks =
        [
            (0, true, true, 3), (0, false, true, 1), (0, true, false, 2), (0, false, false, 4),
            (1, true, true, 5), (1, false, true, 3), (1, true, false, 1), (1, false, false, 1),
        ];
        var rows = blocks.SelectMany(b => Enumerable.Repeat(b, b.Count)).ToList();
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = new Frame([new Float64Column("score", new double[rows.Count])], rows.Count),
            Truth = [.. rows.Select(r => r.Truth)],
            Predicted = [.. rows.Select(r => r.Predicted)],
            Attributes = [new ProtectedAttribute("sex", [.. rows.Select(r => r.Group)], ["F", "M"])],
            Profile = DefinitionProfile.Strict,
            Bootstrap = new BootstrapOptions { Replicates = 200, Seed = 7 },
            Favourable = favourable,
        };
    }

    public sealed class FairnessSections
    {
        [Fact]
        public void Should_measure_every_group_rate_on_the_favourable_outcome()
        {
            // Given the hand-computed table with the negative class favourable
            var data = Table(FavourableOutcome.Negative);

            // When the fairness section is computed
            var section = data.Metrics.FairnessSections()["sex"];

            // Then the group rates are of favourable decisions and labels, and the cells are the complemented ones
            var f = section.Groups["F"];
            var m = section.Groups["M"];
            Approx.Equal(0.6, f.SelectionRate, 1e-15, "F favourable-decision rate (FN + TN) / n");
            Approx.Equal(0.2, m.SelectionRate, 1e-15, "M favourable-decision rate");
            Approx.Equal(0.8, f.Tpr, 1e-15, "F favourable TPR = TN / (TN + FP)");
            Approx.Equal(0.25, m.Tpr, 1e-15, "M favourable TPR");
            Approx.Equal(0.4, f.Fpr, 1e-15, "F favourable FPR = FN / (FN + TP)");
            Approx.Equal(1.0 / 6, m.Fpr, 1e-15, "M favourable FPR");
            Approx.Equal(4.0 / 6, f.Precision, 1e-15, "F favourable precision = TN / (TN + FN)");
            Approx.Equal(0.7, f.Accuracy, 1e-15, "accuracy does not depend on which class is favourable");
            Assert.True(f.ConfusionMatrix == new Core.Results.ConfusionMatrix(3, 2, 1, 4), $"F cells of the favourable outcome: {f.ConfusionMatrix}");
        }

        [Fact]
        public void Should_give_the_complemented_disparities_and_keep_performance_on_the_positive_class()
        {
            // Given the same table with either outcome favourable
            var negative = Table(FavourableOutcome.Negative);
            var positive = Table(FavourableOutcome.Positive);

            // When the sections are computed
            var n = negative.Metrics.FairnessSections()["sex"];
            var p = positive.Metrics.FairnessSections()["sex"];

            // Then the negative run's disparities are those of the favourable rates: 0.2 / 0.6, 0.6 - 0.2, 0.8 - 0.25
            Approx.Equal(1.0 / 3, n.DemographicParityRatio, 1e-15, "favourable demographic-parity ratio");
            Approx.Equal(0.4, n.DemographicParityDifference, 1e-15, "favourable demographic-parity difference");
            Approx.Equal(0.55, n.EqualOpportunityDifference, 1e-15, "favourable equal-opportunity difference");
            Approx.Equal(0.55, n.EqualizedOddsDifference, 1e-15, "favourable equalized odds: max(0.55, 0.4 - 1/6)");

            // And the default run's are of the positive class: selection 0.4 and 0.8, TPR 3/5 and 5/6
            Approx.Equal(0.5, p.DemographicParityRatio, 1e-15, "positive-class demographic-parity ratio");
            Approx.Equal((5.0 / 6) - 0.6, p.EqualOpportunityDifference, 1e-15, "positive-class equal-opportunity difference");

            // And performance is about the positive class either way
            var np = negative.Metrics.PerformanceSection();
            var pp = positive.Metrics.PerformanceSection();
            Assert.True(np.SelectionRate == pp.SelectionRate && np.Recall == pp.Recall && np.ConfusionMatrix == pp.ConfusionMatrix, "performance must not depend on the favourable outcome");
            Approx.Equal(0.6, np.SelectionRate, 1e-15, "overall positive-class selection rate 12 / 20");
        }

        [Fact]
        public void Should_complement_the_bootstrap_intervals_too()
        {
            // Given both runs, whose replicates come from the same seed
            var n = Table(FavourableOutcome.Negative).Metrics.FairnessSections()["sex"];
            var p = Table(FavourableOutcome.Positive).Metrics.FairnessSections()["sex"];

            // When the group intervals are compared / Then the favourable selection rate's interval holds its point, and differs from the positive class's
            Assert.True(n.Groups["F"].Ci["selection_rate"] is [var low, var high] && low <= 0.6 && high >= 0.6, $"F favourable-rate interval {Sections.Show(n.Groups["F"].Ci["selection_rate"])}");
            Assert.True(p.Groups["F"].Ci["selection_rate"] is [var pl, var ph] && pl <= 0.4 && ph >= 0.4, $"F selection-rate interval {Sections.Show(p.Groups["F"].Ci["selection_rate"])}");
            Assert.True(n.Ci["demographic_parity_ratio"] is [var rl, var rh] && rl <= 1.0 / 3 && rh >= 1.0 / 3, $"ratio interval {Sections.Show(n.Ci["demographic_parity_ratio"])}");
        }
    }

    public sealed class DisparityCheckValue
    {
        [Fact]
        public void Should_decide_the_four_fifths_rule_on_the_favourable_rates_and_say_so()
        {
            // Given the negative class favourable
            var data = Table(FavourableOutcome.Negative);
            var check = new DisparityCheck("fairness.demographic-parity-difference", FairnessMetric.DemographicParityDifference, needsLabels: false);

            // When demographic parity is checked with a ceiling of 0.5
            var result = Assert.Single(check.Evaluate(data, AtMost("fairness.demographic-parity-difference", 0.5)));

            // Then the value is 0.6 - 0.2, and the message names the favourable outcome and its extremes
            Approx.Equal(0.4, result.Value, 1e-15, "favourable demographic-parity difference");
            Assert.Contains("lowest favourable-outcome rate M 0.2, highest F 0.6", result.Message, StringComparison.Ordinal);
            Assert.Contains("rates are of the favourable outcome, the negative class", result.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Complement
    {
        [Fact]
        public void Should_reverse_each_groups_cells_and_leave_the_positive_outcome_alone()
        {
            // Given two groups' cells TN, FP, FN, TP
            long[] cells = [4, 1, 2, 3, 1, 3, 1, 5];
            long[] unchanged = [.. cells];

            // When complemented for either outcome
            FavourableOutcomes.Complement(unchanged, FavourableOutcome.Positive);
            FavourableOutcomes.Complement(cells, FavourableOutcome.Negative);

            // Then the positive outcome keeps them, the negative one swaps TN with TP and FP with FN
            Assert.Equal([4, 1, 2, 3, 1, 3, 1, 5], unchanged);
            Assert.Equal([3, 2, 1, 4, 5, 1, 3, 1], cells);
            Assert.Equal(new ConfusionCounts(3, 2, 1, 4), FavourableOutcomes.Complement(new ConfusionCounts(4, 1, 2, 3), FavourableOutcome.Negative));
        }

        [Fact]
        public void Should_parse_only_the_two_names()
        {
            // Given names as a user may type them / When parsed / Then only positive and negative are outcomes
            Assert.Equal(FavourableOutcome.Negative, FavourableOutcomes.Parse("Negative"));
            Assert.Equal(FavourableOutcome.Positive, FavourableOutcomes.Parse("positive"));
            Assert.Null(FavourableOutcomes.Parse("maybe"));
            Assert.Null(FavourableOutcomes.Parse(null));
        }
    }
}
