using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class RocCurveDefinitionTests
{
    /// <summary>The Mann-Whitney definition: the share of (positive, negative) pairs ranked right, a tie counting one half.</summary>
    private static double? PairwiseAuc(double[] scores, bool[] truth)
    {
        double pairs = 0, right = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (truth[i] && !truth[j])
                {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        return pairs == 0 ? null : right / pairs;
    }

    public sealed class Compute
    {
        [Fact]
        public void Should_match_the_pairwise_definition_with_ties_counting_one_half()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores, most on a few levels so that ties are common
                // When the ROC curve is computed
                var curve = RocCurve.Compute(rows.Scores, rows.Truth);

                // Then its area equals the O(n^2) pairwise count (null with one class only)
                Approx.Equal(PairwiseAuc(rows.Scores, rows.Truth), curve.Area, 1e-12, "area against pairwise count");
                Approx.Equal(curve.Area, ScoreMetrics.RocAuc(rows.Scores, rows.Truth), 0, "ScoreMetrics.RocAuc against the curve's area");
            });
        }

        [Fact]
        public void Should_run_from_the_origin_to_one_one_through_every_distinct_threshold()
        {
            PropertyRunner.Hold(ScoredRows.Any(), rows =>
            {
                // Given random scores with both classes
                if (!rows.Truth.Contains(true) || !rows.Truth.Contains(false))
                {
                    return;
                }

                // When the ROC curve is computed
                var curve = RocCurve.Compute(rows.Scores, rows.Truth);

                // Then it starts at (0, 0) at +infinity, ends at (1, 1), has one point per distinct score, and never falls
                var distinct = rows.Scores.Distinct().Count();
                Assert.True(curve.Thresholds.Length == distinct + 1, $"{curve.Thresholds.Length} thresholds, expected {distinct} distinct scores + infinity");
                Assert.True(double.IsPositiveInfinity(curve.Thresholds[0]), $"first threshold {curve.Thresholds[0]}, expected +infinity");
                Assert.True(curve.FalsePositiveRates[0] == 0 && curve.TruePositiveRates[0] == 0, "the curve starts at (0, 0)");
                Assert.True(curve.FalsePositiveRates[^1] == 1 && curve.TruePositiveRates[^1] == 1, "the curve ends at (1, 1)");
                for (var i = 1; i < curve.Thresholds.Length; i++)
                {
                    Assert.True(curve.Thresholds[i] < curve.Thresholds[i - 1], $"threshold {i} ({curve.Thresholds[i]}) does not descend");
                    Assert.True(curve.FalsePositiveRates[i] >= curve.FalsePositiveRates[i - 1] && curve.TruePositiveRates[i] >= curve.TruePositiveRates[i - 1], $"point {i} falls back");
                }
            });
        }

        [Fact]
        public void Should_give_scikit_learns_area_for_its_documented_example()
        {
            // Given scikit-learn's roc_auc_score example: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]
            // When the curve is computed
            var curve = RocCurve.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

            // Then the area is 0.75, and the points are scikit-learn's (drop_intermediate=False)
            Approx.Equal(0.75, curve.Area, 1e-15, "area");
            Assert.Equal([0, 0, 0.5, 0.5, 1], curve.FalsePositiveRates);
            Assert.Equal([0, 0.5, 0.5, 1, 1], curve.TruePositiveRates);
            Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], curve.Thresholds);
        }

        [Fact]
        public void Should_give_one_half_when_every_score_ties()
        {
            // Given three positives and two negatives, all scored 0.7
            // When the curve is computed
            var curve = RocCurve.Compute([0.7, 0.7, 0.7, 0.7, 0.7], [true, false, true, false, true]);

            // Then the area is 1/2: one threshold, a straight diagonal
            Approx.Equal(0.5, curve.Area, 0, "all-tied area");
            Assert.True(curve.Thresholds.Length == 2, $"{curve.Thresholds.Length} thresholds, expected infinity and 0.7");
        }

        [Fact]
        public void Should_leave_the_area_undefined_with_one_class()
        {
            // Given only positive labels, then only negative ones
            // When curves are computed
            // Then neither has an area (scikit-learn raises), and the rate of the missing class is NaN
            var positives = RocCurve.Compute([0.2, 0.9], [true, true]);
            var negatives = RocCurve.Compute([0.2, 0.9], [false, false]);
            Assert.True(positives.Area is null, $"positives only: area {positives.Area}, expected none");
            Assert.True(negatives.Area is null, $"negatives only: area {negatives.Area}, expected none");
            Assert.True(double.IsNaN(positives.FalsePositiveRates[^1]), "positives only: FPR has no denominator");
            Assert.True(double.IsNaN(negatives.TruePositiveRates[^1]), "negatives only: TPR has no denominator");
        }

        [Fact]
        public void Should_refuse_scores_and_labels_of_different_lengths()
        {
            // Given two scores and one label
            // When the curve is computed
            // Then it fails naming the mismatch
            var error = Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.1, 0.2], [true]));
            Assert.Contains("differ in length", error.Message, StringComparison.Ordinal);
        }
    }
}
