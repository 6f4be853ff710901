using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Requirements;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Explainability;

public sealed class AdverseActionStabilityCheckTests
{
    private const string Id = "explainability.adverse-action-stability";

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public sealed class Evaluate
    {
        [Fact]
        public void Should_be_fully_stable_for_a_model_that_ignores_the_perturbed_features()
        {
            // Given a model that reads numerics with weight 0 and decides on two categoricals
            var test = ExplainData.Frame(600, 2, 2);
            var scorer = new LinearScorer(
                new Dictionary<string, double> { ["x0"] = 0, ["x1"] = 0 },
                new Dictionary<string, IReadOnlyDictionary<string, double>>
                {
                    ["c0"] = new Dictionary<string, double> { ["a"] = -1.5, ["b"] = 0.2, ["c"] = 1 },
                    ["c1"] = new Dictionary<string, double> { ["a"] = 0.7, ["b"] = -0.9, ["c"] = 0.1 },
                },
                link: Sigmoid);
            var data = ExplainData.Data(test, scorer);
            var negatives = data.Predicted!.Count(p => !p);

            // When the reasons of 60 negative decisions are checked under large noise
            var result = Expect.Single(new AdverseActionStabilityCheck().Evaluate(data, ExplainData.AtLeast(Id, 0.9, ("sample", 60), ("scale", 1.0), ("reasons", 2))), "stability");

            // Then every one keeps its reasons, with the Wilson interval of 60/60
            Expect.Proportion(60, 60, result, "all stable");
            Expect.Equal((long)negatives, (long)Expect.Detail<int>(result, "negative_decisions", "negatives"), "negative decisions");
            var reasons = Expect.Detail<List<Dictionary<string, object?>>>(result, "principal_reasons", "reasons");
            Assert.All(reasons, r => Assert.Contains((string)r["feature"]!, new[] { "c0", "c1" }));
            var examples = Expect.Detail<List<Dictionary<string, object?>>>(result, "examples", "examples");
            Assert.Equal(20, examples.Count);
            Assert.All(examples, e => Assert.Equal(["reasons", "row", "stable"], e.Keys.Order(StringComparer.Ordinal)));
            Assert.All(examples, e => Assert.False(data.Predicted![(int)e["row"]!], "examples are negative decisions"));
        }

        [Fact]
        public void Should_see_reasons_change_when_noise_reorders_close_contributions()
        {
            // Given a model on two numerics of equal weight, one reason asked for, and noise as large as the features
            var test = ExplainData.Frame(600, 2, 0);
            var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, intercept: -0.5, link: Sigmoid);
            var data = ExplainData.Data(test, scorer);

            // When stability is measured
            var result = Expect.Single(new AdverseActionStabilityCheck().Evaluate(data, ExplainData.AtLeast(Id, 0.9, ("sample", 100), ("scale", 1.0), ("reasons", 1))), "stability");

            // Then some rows change their principal reason, and the requirement is not met
            Assert.InRange(result.Value!.Value, 0.2, 0.95);
            Assert.NotEqual(Outcome.Pass, result.Outcome);
        }

        [Fact]
        public void Should_explain_scores_above_the_threshold_by_what_raised_them_when_the_negative_class_is_favourable()
        {
            // Given a model whose only score-raising categories are c0 = c (+2) and c1 = a (+2), the others -1, so a
            // category's SHAP value has the sign of its weight; decided at 0.5, with the negative class favourable
            var test = ExplainData.Frame(600, 0, 2);
            var scorer = new LinearScorer(
                new Dictionary<string, double>(),
                new Dictionary<string, IReadOnlyDictionary<string, double>>
                {
                    ["c0"] = new Dictionary<string, double> { ["a"] = -1, ["b"] = -1, ["c"] = 2 },
                    ["c1"] = new Dictionary<string, double> { ["a"] = 2, ["b"] = -1, ["c"] = -1 },
                },
                intercept: 0.5);
            var plain = ExplainData.Data(test, scorer);
            var data = new Evaluation.EvaluationData
            {
                Task = plain.Task, Test = plain.Test, FeatureColumns = plain.FeatureColumns, ModelRunnable = true, Model = plain.Model,
                Scores = plain.Scores, Predicted = plain.Predicted, Bootstrap = plain.Bootstrap, Favourable = Evaluation.FavourableOutcome.Negative,
            };
            string Category(string column, int row) => ((Frames.StringColumn)test[column]).Dictionary.Values[((Frames.StringColumn)test[column]).Codes[row]];
            bool Raises(string feature, int row) => feature == "c0" ? Category("c0", row) == "c" : Category("c1", row) == "a";
            var requirement = ExplainData.AtLeast(Id, 0.9, ("sample", 60), ("reasons", 2));

            // When the adverse-action reasons are given under each favourable outcome
            var negative = Expect.Single(new AdverseActionStabilityCheck().Evaluate(data, requirement), "negative favourable");
            var positive = Expect.Single(new AdverseActionStabilityCheck().Evaluate(plain, requirement), "positive favourable");

            // Then under negative the rows explained are the scores above the threshold and every reason raised the score,
            var examples = Expect.Detail<List<Dictionary<string, object?>>>(negative, "examples", "examples");
            Assert.All(examples, e => Assert.True(data.Scores![(int)e["row"]!] > 0.5, $"row {e["row"]} is not above the threshold"));
            Assert.All(examples, e => Assert.All((IReadOnlyList<string>)e["reasons"]!, r => Assert.True(Raises(r, (int)e["row"]!), $"{r} did not raise row {e["row"]}")));
            Assert.All(examples, e => Assert.NotEmpty((IReadOnlyList<string>)e["reasons"]!));
            Expect.Equal((long)data.Predicted!.Count(p => p), (long)Expect.Detail<int>(negative, "unfavourable_decisions", "unfavourable"), "unfavourable decisions");

            // and under the default the rows are at or below it and every reason lowered the score
            var defaults = Expect.Detail<List<Dictionary<string, object?>>>(positive, "examples", "examples");
            Assert.All(defaults, e => Assert.True(plain.Scores![(int)e["row"]!] <= 0.5, $"row {e["row"]} is above the threshold"));
            Assert.All(defaults, e => Assert.All((IReadOnlyList<string>)e["reasons"]!, r => Assert.False(Raises(r, (int)e["row"]!), $"{r} raised row {e["row"]}")));
        }

        [Fact]
        public void Should_skip_regression_and_models_without_negative_decisions()
        {
            var test = ExplainData.Frame(30, 1, 0);
            var always = new LinearScorer(new Dictionary<string, double> { ["x0"] = 0 }, intercept: 0.9);
            var result = Expect.Single(new AdverseActionStabilityCheck().Evaluate(ExplainData.Data(test, always), ExplainData.AtLeast(Id, 0.9)), "no negatives");
            Expect.Outcome(Outcome.Skipped, result, "nothing to explain");
            Expect.Contains("no negative decisions", result.Message, "reason");
        }

        [Fact]
        public void Should_give_the_same_answer_for_the_same_seed()
        {
            var test = ExplainData.Frame(300, 2, 0);
            var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, link: Sigmoid);
            var requirement = ExplainData.AtLeast(Id, 0.9, ("sample", 40), ("scale", 0.5), ("reasons", 1));
            var first = new AdverseActionStabilityCheck().Evaluate(ExplainData.Data(test, scorer), requirement)[0];
            var second = new AdverseActionStabilityCheck().Evaluate(ExplainData.Data(test, scorer), requirement)[0];
            Assert.Equal(first.Value, second.Value);
        }
    }
}
