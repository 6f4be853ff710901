using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Rates and ratios lie in [0, 1], differences are never negative, whatever the data.</summary>
public sealed class RangePropertyTests
{
    private static readonly string[] Differences =
    [
        "demographic_parity_difference", "equalized_odds_difference", "equal_opportunity_difference",
        "predictive_parity_difference", "fpr_difference", "accuracy_difference",
    ];

    private static readonly string[] Ratios =
        ["demographic_parity_ratio", "equalized_odds_ratio", "equal_opportunity_ratio", "predictive_parity_ratio"];

    public sealed class PerformanceSection
    {
        [Fact]
        public void Should_keep_rates_and_score_metrics_in_their_ranges()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the performance section is computed
                var section = sample.ToData().Metrics.PerformanceSection();

                // Then every rate and the bounded score metrics lie in [0, 1], and log loss is not negative
                foreach (var name in new[] { "base_rate", "selection_rate", "accuracy", "precision", "recall", "f1", "roc_auc", "brier", "ece" })
                {
                    Approx.InRange(Sections.Values(section)[name], 0, 1, $"overall {name}");
                }

                Approx.InRange(section.LogLoss, 0, double.MaxValue, "log loss");
                Assert.True(section.Accuracy is not null && section.SelectionRate is not null, "accuracy and selection rate are defined on any rows");
            });
        }

        [Fact]
        public void Should_keep_every_interval_inside_its_metric_range()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the performance section is computed with bootstrap intervals
                var section = sample.ToData().Metrics.PerformanceSection();

                // Then interval ends are ordered and inside [0, 1] (log loss: not negative)
                foreach (var (name, interval) in section.Ci)
                {
                    Assert.True(interval[0] <= interval[1], $"{name} interval {Sections.Show(interval)} is reversed");
                    Approx.InRange(interval[0], 0, name == "log_loss" ? double.MaxValue : 1, $"{name} interval low end");
                    Approx.InRange(interval[1], 0, name == "log_loss" ? double.MaxValue : 1, $"{name} interval high end");
                }
            });
        }
    }

    public sealed class FairnessSections
    {
        [Fact]
        public void Should_keep_group_rates_in_the_unit_interval()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the fairness sections are computed
                var sections = sample.ToData().Metrics.FairnessSections();

                // Then every group's share and rates lie in [0, 1], and so do their interval ends
                foreach (var (name, section) in sections)
                {
                    foreach (var (group, rates) in section.Groups)
                    {
                        foreach (var (rate, value) in Sections.Rates(rates))
                        {
                            Approx.InRange(value, 0, 1, $"{name}/{group} {rate}");
                        }

                        foreach (var (rate, interval) in rates.Ci)
                        {
                            Approx.InRange(interval[0], 0, 1, $"{name}/{group} {rate} interval low end");
                            Approx.InRange(interval[1], 0, 1, $"{name}/{group} {rate} interval high end");
                        }
                    }
                }
            });
        }

        [Fact]
        public void Should_keep_ratios_in_the_unit_interval_and_differences_not_negative()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation under the strict or fairlearn profile (max - min, min / max)
                // When the fairness sections are computed
                var sections = sample.ToData().Metrics.FairnessSections();

                // Then every ratio lies in [0, 1] and every difference in [0, 1]
                foreach (var (name, section) in sections)
                {
                    var aggregates = Sections.Aggregates(section);
                    foreach (var ratio in Ratios)
                    {
                        Approx.InRange(aggregates[ratio], 0, 1, $"{name} {ratio}");
                    }

                    foreach (var difference in Differences)
                    {
                        Approx.InRange(aggregates[difference], 0, 1, $"{name} {difference}");
                    }
                }
            });
        }

        [Fact]
        public void Should_report_a_zero_difference_and_a_unit_ratio_for_a_single_group()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation with its first attribute collapsed to one group
                var single = sample with { Attributes = [new("all", new int[sample.Rows], ["everyone"])] };

                // When the fairness sections are computed
                var section = single.ToData().Metrics.FairnessSections()["all"];

                // Then a defined difference is 0 and a defined ratio is 1 (a group equals itself)
                foreach (var (metric, value) in Sections.Aggregates(section))
                {
                    if (value is { } v)
                    {
                        Approx.Equal(metric.EndsWith("ratio", StringComparison.Ordinal) ? 1 : 0, v, 0, $"single group {metric}");
                    }
                }
            });
        }
    }
}
