using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Explainability;

public sealed class PermutationImportanceCheckTests
{
    private const string Id = "explainability.permutation-importance";

    /// <summary>A probability model on x0 (strong), x1 (weak) and x2 (weight 0), labels drawn from it.</summary>
    private static (EvaluationData Data, LinearScorer Scorer) Model(int rows = 2000)
    {
        var test = ExplainData.Frame(rows, 3, 0);
        var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 2, ["x1"] = 0.5, ["x2"] = 0 }, link: z => 1 / (1 + Math.Exp(-z)));
        var random = new SeededRandom(11);
        var truth = scorer.Score(test).Select(p => random.NextDouble() < p).ToArray();
        return (ExplainData.Data(test, scorer, truth), scorer);
    }

    private static Dictionary<string, Dictionary<string, object?>> Importance(CheckResult result) =>
        Expect.Detail<List<Dictionary<string, object?>>>(result, "importance", "importance").ToDictionary(i => (string)i["feature"]!);

    public sealed class Evaluate
    {
        [Theory]
        [InlineData("roc_auc")]
        [InlineData("accuracy")]
        public void Should_give_zero_importance_to_a_feature_the_model_ignores(string metric)
        {
            // Given a model whose x2 weight is 0
            var (data, _) = Model();

            // When permutation importance runs
            var result = Expect.Single(new PermutationImportanceCheck().Evaluate(data, ExplainData.AtMost(Id, 0.9, ("metric", metric), ("repeats", 5))), "permutation importance");

            // Then x2's drop is exactly 0 in every repeat, x0 is the top feature and outweighs x1
            var importance = Importance(result);
            Assert.Equal(0.0, (double)importance["x2"]["value"]!);
            Assert.Equal(0.0, (double)importance["x2"]["ci_low"]!);
            Assert.Equal(0.0, (double)importance["x2"]["ci_high"]!);
            Assert.True((double)importance["x0"]["value"]! > (double)importance["x1"]["value"]!, "x0 matters more than x1");
            Assert.True((double)importance["x1"]["ci_low"]! > 0, $"x1 matters in every shuffle ({metric})");
            Expect.Equal("x0", Expect.Detail<string>(result, "top_feature", "top"), "top feature");
            var share = (double)importance["x0"]["value"]! / ((double)importance["x0"]["value"]! + (double)importance["x1"]["value"]!);
            Expect.Value(share, result, "x0's share of the total");
            Assert.True(result.Ci![0] <= result.Value && result.Value <= result.Ci[1], "value inside its interval");
        }

        [Fact]
        public void Should_be_the_same_for_the_same_seed()
        {
            var first = new PermutationImportanceCheck().Evaluate(Model().Data, ExplainData.AtMost(Id, 0.9));
            var second = new PermutationImportanceCheck().Evaluate(Model().Data, ExplainData.AtMost(Id, 0.9));
            Assert.Equal(first[0].Value, second[0].Value);
            Assert.Equal(first[0].Ci, second[0].Ci);
        }

        [Fact]
        public void Should_skip_without_labels_and_refuse_a_regression_metric()
        {
            // Given a model without labels, and one with labels asked for mae
            var test = ExplainData.Frame(50, 2, 0);
            var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 });
            var unlabelled = ExplainData.Data(test, scorer);
            var labelled = ExplainData.Data(test, scorer, truth: [.. Enumerable.Range(0, 50).Select(i => i % 2 == 0)]);

            // When permutation importance runs
            var skipped = Expect.Single(new PermutationImportanceCheck().Evaluate(unlabelled, ExplainData.AtMost(Id, 0.9)), "no labels");
            var error = Expect.Single(new PermutationImportanceCheck().Evaluate(labelled, ExplainData.AtMost(Id, 0.9, ("metric", "mae"))), "mae");

            // Then the first is skipped and the second an error naming the choices
            Expect.Outcome(Outcome.Skipped, skipped, "no labels");
            Expect.Outcome(Outcome.Error, error, "wrong metric");
            Expect.Contains("roc_auc, accuracy", error.Message, "choices");
        }

        [Fact]
        public void Should_report_a_model_that_refuses_the_data_as_an_error()
        {
            // Given a scorer that rejects what it is given
            var data = new EvaluationData
            {
                Task = ModelTask.BinaryClassification,
                Test = ExplainData.Frame(30, 1, 0),
                Truth = new bool[30],
                FeatureColumns = ["x0"],
                ModelRunnable = true,
                Model = new Refusing(),
            };

            // When permutation importance runs
            var result = Expect.Single(new PermutationImportanceCheck().Evaluate(data, ExplainData.AtMost(Id, 0.9)), "refusing model");

            // Then the result is an error carrying the model's message
            Expect.Outcome(Outcome.Error, result, "refused");
            Expect.Contains("row 3, column x0", result.Message, "model's message");
        }
    }

    private sealed class Refusing : IFrameScorer
    {
        public IReadOnlyList<string> Features { get; } = ["x0"];

        public double[] Score(Frame frame) => throw new InputException("row 3, column x0: found a missing value, expected a number");
    }
}
