using ModelCert.Core.Fairness;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>The results sections agree with the definitions of what they report, on random evaluations.</summary>
public sealed class DefinitionPropertyTests
{
    public sealed class PerformanceSection
    {
        [Fact]
        public void Should_report_f1_as_the_harmonic_mean_and_auc_as_the_pairwise_share()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the performance section is computed
                var section = sample.ToData().Metrics.PerformanceSection();

                // Then F1 = 2PR / (P + R) wherever there is a true positive (so P and R are defined and positive)
                if (section.ConfusionMatrix!.Tp > 0 && section.Precision is { } p && section.Recall is { } r)
                {
                    Approx.Equal(2 * p * r / (p + r), section.F1, 1e-12, "F1 against 2PR / (P + R)");
                }

                // And ROC AUC is the share of (positive, negative) pairs ranked right, ties counting one half
                double pairs = 0, right = 0;
                for (var i = 0; i < sample.Rows; i++)
                {
                    for (var j = 0; j < sample.Rows; j++)
                    {
                        if (sample.Truth[i] && !sample.Truth[j])
                        {
                            pairs++;
                            right += sample.Scores[i] > sample.Scores[j] ? 1 : sample.Scores[i] == sample.Scores[j] ? 0.5 : 0;
                        }
                    }
                }

                Approx.Equal(pairs == 0 ? null : right / pairs, section.RocAuc, 1e-12, "ROC AUC against the pairwise share");
            });
        }
    }

    public sealed class FairnessSections
    {
        [Fact]
        public void Should_report_equalized_odds_as_the_worse_of_tpr_and_fpr_and_rates_from_each_groups_matrix()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the fairness sections are computed
                foreach (var (name, section) in sample.ToData().Metrics.FairnessSections())
                {
                    // Then the equalized odds difference is max(TPR difference, FPR difference), one side alone when the other is undefined
                    var (tpr, fpr) = (section.EqualOpportunityDifference, section.FprDifference);
                    var expected = tpr is { } t && fpr is { } f ? Math.Max(t, f) : sample.Profile == DefinitionProfile.Strict ? tpr ?? fpr : null;
                    Approx.Equal(expected, section.EqualizedOddsDifference, 0, $"{name} equalized odds difference ({sample.Profile})");

                    // And each group's rates come from its own confusion matrix, with its share of the attribute's known rows
                    var known = section.Groups.Values.Sum(g => g.Count);
                    foreach (var (group, rates) in section.Groups)
                    {
                        var m = rates.ConfusionMatrix!;
                        Assert.True(m.Tn + m.Fp + m.Fn + m.Tp == rates.Count, $"{name}/{group}: matrix {m} does not add up to {rates.Count} rows");
                        Approx.Equal((double)rates.Count / known, rates.Share, 1e-15, $"{name}/{group} share");
                        Approx.Equal((double)(m.Tp + m.Fp) / rates.Count, rates.SelectionRate, 1e-15, $"{name}/{group} selection rate");
                        Approx.Equal((double)(m.Tp + m.Tn) / rates.Count, rates.Accuracy, 1e-15, $"{name}/{group} accuracy");
                        if (m.Tp + m.Fn > 0)
                        {
                            Approx.Equal((double)m.Tp / (m.Tp + m.Fn), rates.Tpr, 1e-15, $"{name}/{group} TPR");
                        }
                    }
                }
            });
        }

        [Fact]
        public void Should_count_missing_codes_aside_and_every_other_row_in_its_group()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation whose attributes miss some values (code -1)
                // When the fairness sections are computed
                var sections = sample.ToData().Metrics.FairnessSections();

                foreach (var attribute in sample.Attributes)
                {
                    // Then the missing rows are counted aside, and the groups hold exactly the other rows
                    var section = sections[attribute.Name];
                    var missing = attribute.Codes.LongCount(c => c < 0);
                    Assert.True(section.MissingValues == missing, $"{attribute.Name}: {section.MissingValues} missing, expected {missing}");
                    var grouped = section.Groups.Values.Sum(g => g.Count);
                    Assert.True(grouped == sample.Rows - missing, $"{attribute.Name}: groups hold {grouped} rows, expected {sample.Rows - missing}");
                }
            });
        }
    }
}
