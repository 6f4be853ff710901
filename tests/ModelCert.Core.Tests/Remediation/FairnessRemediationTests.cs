using ModelCert.Core.Checks.Fairness;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Metrics;
using ModelCert.Core.Remediation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Remediation;

public sealed class FairnessRemediationTests
{
    private static Requirement Bound(string check, double? min, double? max) => new(
        "FAIR-R", "fairness", check, new RequirementParameters(), new Threshold(min, max), 0.95, FailAction.Block, UncertainAction.Review, 30, [], null, "Look at the groups.", null);

    private static EvaluationData Data(double[] scores, bool[]? truth, int[] codes, int replicates = 0) => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = new Frame([new Float64Column("score", scores)], scores.Length),
        Truth = truth,
        Scores = scores,
        Predicted = [.. scores.Select(s => s > 0.5)],
        Attributes = [new ProtectedAttribute("group", codes, ["A", "B"])],
        Bootstrap = new BootstrapOptions { Replicates = replicates, Seed = 7 },
    };

    /// <summary>
    /// Group A's scores are spread over [0, 1]; group B's sit lower, so B is selected less; labels follow the scores
    /// (a row is positive with probability equal to its score), seeded.
    /// </summary>
    private static EvaluationData Synthetic(int rows, int replicates)
    {
        var random = new SeededRandom(20240601);
        var codes = new int[rows];
        var scores = new double[rows];
        var truth = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            codes[i] = i % 3 == 0 ? 1 : 0;
            scores[i] = codes[i] == 0 ? random.NextDouble() : 0.7 * random.NextDouble();
            truth[i] = random.NextDouble() < scores[i];
        }

        return Data(scores, truth, codes, replicates);
    }

    private static T Part<T>(CheckResult result, string key)
    {
        var remediation = Expect.Detail<Dictionary<string, object?>>(result, "remediation", "remediation details");
        return Assert.IsType<T>(remediation[key]);
    }

    /// <summary>The decisions the projected thresholds give, recomputed from the scores: cells per group.</summary>
    private static long[] Reapply(EvaluationData data, IReadOnlyDictionary<string, double> thresholds)
    {
        var attribute = data.Attributes[0];
        var decisions = data.Scores!.Select((s, i) => s > thresholds[attribute.Groups[attribute.Codes[i]]]).ToArray();
        return GroupCounter.Count(data.Truth ?? new bool[data.Rows], decisions, attribute.Codes, attribute.Groups.Count);
    }

    public sealed class Thresholds
    {
        [Fact]
        public void Should_find_the_fewest_changes_that_reach_four_fifths_without_labels()
        {
            // Given A (100 rows, scores 0.01..1.00, 50 selected) and B (100 rows, scores -0.29..0.70, 20 selected): ratio 0.4
            var scores = Enumerable.Range(1, 100).Select(i => i / 100.0).Concat(Enumerable.Range(1, 100).Select(i => (i - 30) / 100.0)).ToArray();
            var codes = Enumerable.Repeat(0, 100).Concat(Enumerable.Repeat(1, 100)).ToArray();
            var data = Data(scores, truth: null, codes);

            // When the selection-rate ratio is held to 0.8
            var check = new DisparityCheck("fairness.demographic-parity-ratio", FairnessMetric.DemographicParityRatio, needsLabels: false);
            var result = Assert.Single(check.Evaluate(data, Bound("fairness.demographic-parity-ratio", 0.8, null)));

            // Then the cheapest fix selects 40 in B and leaves A alone (20 changes; lowering A to 25 would take 25)
            Expect.Outcome(Outcome.Fail, result, "ratio 0.4");
            var projection = Part<ThresholdProjection>(result, "threshold_adjustment");
            Expect.Equal(0.5, projection.SelectionRateAfter["A"], "A unchanged");
            Expect.Equal(0.4, projection.SelectionRateAfter["B"], "B raised to 40 of 100");
            Expect.Equal(20L, projection.DecisionsChanged, "20 decisions change");
            Expect.Equal(0.8, projection.MetricAfter, "ratio exactly 0.8");
            Assert.Null(projection.AccuracyBefore);
            Expect.Contains("Look at the groups. Projected: group thresholds B 0.3 instead of 0.5 give 0.8", result.Remediation!, "summary after the policy's prose");
        }

        [Theory]
        [InlineData("fairness.demographic-parity-ratio", FairnessMetric.DemographicParityRatio, 0.8, null)]
        [InlineData("fairness.demographic-parity-difference", FairnessMetric.DemographicParityDifference, null, 0.05)]
        [InlineData("fairness.equal-opportunity-difference", FairnessMetric.EqualOpportunityDifference, null, 0.05)]
        [InlineData("fairness.equalized-odds-difference", FairnessMetric.EqualizedOddsDifference, null, 0.1)]
        public void Should_propose_thresholds_that_meet_the_requirement_when_reapplied(string id, FairnessMetric metric, double? min, double? max)
        {
            // Given 3,000 synthetic rows where group B scores lower, with labels and 300 bootstrap replicates
            var data = Synthetic(3000, 300);
            var requirement = Bound(id, min, max);

            // When the check fails and projects a fix
            var result = Assert.Single(new DisparityCheck(id, metric, needsLabels: metric != FairnessMetric.DemographicParityRatio).Evaluate(data, requirement));
            Expect.Outcome(Outcome.Fail, result, "the synthetic bias fails");
            var projection = Part<ThresholdProjection>(result, "threshold_adjustment");

            // Then re-applying the thresholds to the scores gives the projected metric, which meets the threshold
            var cells = Reapply(data, projection.Thresholds);
            var recomputed = FairnessAggregator.Compute(metric, cells, [true, true], DefinitionProfile.Strict)!.Value;
            Assert.Equal(projection.MetricAfter, recomputed, 12);
            Assert.True(Decision.Compare(requirement.Threshold, recomputed, null) == Decision.Side.Clears, $"{id}: {recomputed} should meet {requirement.Threshold}");

            // And the projected accuracy and selection rates are those of the re-applied decisions (accuracy may even rise on a sample)
            var total = GroupCounter.Group(cells, 0) + GroupCounter.Group(cells, 1);
            Assert.Equal(total.Accuracy!.Value, projection.AccuracyAfter!.Value, 12);
            Assert.Equal(GroupCounter.Group(cells, 1).SelectionRate!.Value, projection.SelectionRateAfter["B"]!.Value, 12);
            Assert.True(projection.AccuracyCostPoints is > -5 and < 10, $"{id}: accuracy cost {projection.AccuracyCostPoints} points");
        }

        [Fact]
        public void Should_leave_a_passing_result_alone()
        {
            // Given equal score distributions in both groups / When the ratio is checked
            var scores = Enumerable.Range(0, 400).Select(i => (i % 200) / 200.0).ToArray();
            var data = Data(scores, truth: null, [.. Enumerable.Range(0, 400).Select(i => i / 200)]);
            var result = Assert.Single(new DisparityCheck("fairness.demographic-parity-ratio", FairnessMetric.DemographicParityRatio, false)
                .Evaluate(data, Bound("fairness.demographic-parity-ratio", 0.8, null)));

            // Then it passes with no projection
            Expect.Outcome(Outcome.Pass, result, "equal groups");
            Assert.False(result.Details!.ContainsKey("remediation"), "no remediation on a pass");
        }
    }

    public sealed class Reweighting
    {
        [Fact]
        public void Should_give_the_kamiran_calders_weights_of_a_known_table()
        {
            // Given A with 3 positives and 1 negative, B with 1 positive and 3 negatives (all predicted positive)
            var data = Data([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], [true, true, true, false, true, false, false, false], [0, 0, 0, 0, 1, 1, 1, 1]);

            // When the precision ratio (driven by the base rates, since everyone is selected) is held to 0.8
            var result = Assert.Single(new DisparityCheck("fairness.predictive-parity-ratio", FairnessMetric.PredictiveParityRatio, true)
                .Evaluate(data, Bound("fairness.predictive-parity-ratio", 0.8, null) with { MinSample = 1 }));
            var reweighing = Part<ReweighingProjection>(result, "reweighing");

            // Then w(g, y) = P(g) P(y) / P(g, y): A|positive = 0.25 / 0.375 = 2/3, A|negative = 0.25 / 0.125 = 2, and B mirrored
            Assert.Equal(2.0 / 3, reweighing.Weights["A|positive"]!.Value, 12);
            Assert.Equal(2.0, reweighing.Weights["A|negative"]!.Value, 12);
            Assert.Equal(2.0, reweighing.Weights["B|positive"]!.Value, 12);
            Assert.Equal(2.0 / 3, reweighing.Weights["B|negative"]!.Value, 12);

            // And with everyone selected, weighted precision is the weighted base rate: 0.5 in both, so the ratio becomes 1
            Assert.Equal(1.0, reweighing.MetricReweighted!.Value, 6);
            Assert.Equal(1.0 - (0.25 / 0.75), reweighing.ExpectedChange!.Value, 6);
        }

        [Fact]
        public void Should_make_the_weighted_positive_label_rates_equal_across_groups()
        {
            // Given the synthetic data, whose groups have different base rates
            var data = Synthetic(3000, 0);
            var result = Assert.Single(new DisparityCheck("fairness.demographic-parity-ratio", FairnessMetric.DemographicParityRatio, false)
                .Evaluate(data, Bound("fairness.demographic-parity-ratio", 0.8, null)));
            var weights = Part<ReweighingProjection>(result, "reweighing").Weights;

            // When each row is weighted by its (group, label) weight
            var attribute = data.Attributes[0];
            var rates = attribute.Groups.Select((group, g) =>
            {
                var rows = Enumerable.Range(0, data.Rows).Where(i => attribute.Codes[i] == g).ToList();
                double Weight(int i) => weights[$"{group}|{(data.Truth![i] ? "positive" : "negative")}"]!.Value;
                return rows.Where(i => data.Truth![i]).Sum(Weight) / rows.Sum(Weight);
            }).ToList();

            // Then every group's weighted positive-label rate is the overall rate, and the total weight is the row count
            var overall = data.Truth!.Count(t => t) / (double)data.Rows;
            Assert.All(rates, rate => Assert.Equal(overall, rate, 12));
            var totalWeight = Enumerable.Range(0, data.Rows).Sum(i => weights[$"{attribute.Groups[attribute.Codes[i]]}|{(data.Truth![i] ? "positive" : "negative")}"]!.Value);
            Assert.Equal(data.Rows, totalWeight, 6);
        }
    }
}
