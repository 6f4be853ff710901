using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Metrics are functions of the multiset of rows: any permutation applied to every row-aligned array leaves them unchanged.</summary>
public sealed class RowOrderPropertyTests
{
    private static readonly string[] CountMetrics = ["accuracy", "precision", "recall", "f1", "selection_rate"];
    private static readonly string[] ScoreMetrics = ["roc_auc", "log_loss", "brier", "ece"];
    private static readonly string[] FairnessIntervals = ["demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference", "equal_opportunity_difference"];
    private static readonly string[] GroupIntervals = ["selection_rate", "tpr", "fpr"];

    public sealed class PerformanceSection
    {
        [Fact]
        public void Should_give_the_same_values_when_rows_are_reordered()
        {
            PropertyRunner.Hold(EvaluationCases.CasesWithOrder(), sample =>
            {
                // Given a random evaluation and the same rows in a random order
                var (original, order) = sample;

                // When the performance section is computed for both
                var expected = original.ToData().Metrics.PerformanceSection();
                var actual = original.Reorder(order).ToData().Metrics.PerformanceSection();

                // Then counts agree exactly and score metrics (sums taken in another order) within 1e-12 relative
                Sections.SameValues(expected, actual, 1e-12, "reordered rows");
            });
        }

        [Fact]
        public void Should_give_the_same_intervals_when_rows_are_reordered()
        {
            PropertyRunner.Hold(EvaluationCases.CasesWithOrder(), sample =>
            {
                // Given a random evaluation and the same rows in a random order, both bootstrapped with one seed
                var (original, order) = sample;

                // When the performance section is computed for both
                var expected = original.ToData().Metrics.PerformanceSection();
                var actual = original.Reorder(order).ToData().Metrics.PerformanceSection();

                // Then intervals of the confusion-cell metrics are identical (they resample the same cells), and those of
                // the score metrics agree to rounding (they resample the same (score, label) cells)
                Sections.SameIntervals(expected.Ci, actual.Ci, CountMetrics, "reordered rows");
                Assert.True(expected.Ci.Keys.SequenceEqual(actual.Ci.Keys), $"intervals [{string.Join(", ", expected.Ci.Keys)}] vs [{string.Join(", ", actual.Ci.Keys)}]");
                foreach (var name in ScoreMetrics.Where(expected.Ci.ContainsKey))
                {
                    Approx.Equal(expected.Ci[name][0], actual.Ci[name][0], 1e-12, $"reordered rows: {name} low end");
                    Approx.Equal(expected.Ci[name][1], actual.Ci[name][1], 1e-12, $"reordered rows: {name} high end");
                }
            });
        }
    }

    public sealed class FairnessSections
    {
        [Fact]
        public void Should_give_the_same_rates_and_aggregates_when_rows_are_reordered()
        {
            PropertyRunner.Hold(EvaluationCases.CasesWithOrder(), sample =>
            {
                // Given a random evaluation and the same rows in a random order
                var (original, order) = sample;

                // When the fairness sections are computed for both
                var expected = original.ToData().Metrics.FairnessSections();
                var actual = original.Reorder(order).ToData().Metrics.FairnessSections();

                // Then every group rate and every aggregate of every attribute and intersection agrees
                Sections.SameValues(expected, actual, "reordered rows");
            });
        }

        [Fact]
        public void Should_give_the_same_intervals_when_rows_are_reordered()
        {
            PropertyRunner.Hold(EvaluationCases.CasesWithOrder(), sample =>
            {
                // Given a random evaluation and the same rows in a random order, both bootstrapped with one seed
                var (original, order) = sample;

                // When the fairness sections are computed for both
                var expected = original.ToData().Metrics.FairnessSections();
                var actual = original.Reorder(order).ToData().Metrics.FairnessSections();

                // Then attribute and group intervals are identical: they resample the same per-group cells
                foreach (var (name, section) in expected)
                {
                    Sections.SameIntervals(section.Ci, actual[name].Ci, FairnessIntervals, $"reordered rows, {name}");
                    foreach (var (group, rates) in section.Groups)
                    {
                        Sections.SameIntervals(rates.Ci, actual[name].Groups[group].Ci, GroupIntervals, $"reordered rows, {name}/{group}");
                    }
                }
            });
        }
    }
}
