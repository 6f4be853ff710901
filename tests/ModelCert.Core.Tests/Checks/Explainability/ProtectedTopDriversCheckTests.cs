using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Explainability;

public sealed class ProtectedTopDriversCheckTests
{
    private const string Id = "explainability.protected-top-drivers";

    /// <summary>A model on x0, x1 and the protected c0 with weight <paramref name="protectedWeight"/> per category step.</summary>
    private static (ModelCert.Core.Evaluation.EvaluationData Data, LinearScorer Scorer) Model(double protectedWeight)
    {
        var test = ExplainData.Frame(800, 2, 1);
        var scorer = new LinearScorer(
            new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 0.3 },
            new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["c0"] = new Dictionary<string, double> { ["a"] = -protectedWeight, ["b"] = 0, ["c"] = protectedWeight },
            },
            link: z => 1 / (1 + Math.Exp(-z)));
        var random = new SeededRandom(3);
        var truth = scorer.Score(test).Select(p => random.NextDouble() < p).ToArray();
        return (ExplainData.Data(test, scorer, truth, attributes: [ExplainData.Attribute(test, "c0")]), scorer);
    }

    public sealed class Evaluate
    {
        [Theory]
        [InlineData("shap")]
        [InlineData("permutation")]
        public void Should_count_a_protected_attribute_that_drives_the_model(string method)
        {
            // Given a model driven mostly by the protected c0
            var (data, _) = Model(3);

            // When the top driver is compared with the protected attributes
            var result = Expect.Single(new ProtectedTopDriversCheck().Evaluate(data, ExplainData.AtMost(Id, 0, ("k", 1), ("method", method), ("sample", 300))), "top drivers");

            // Then it is c0: one protected attribute among the top 1, and the requirement fails
            Expect.Value(1, result, "c0 is the top driver");
            Expect.Sequence(["c0"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "named");
            Expect.Outcome(Outcome.Fail, result, "a protected top driver");
        }

        [Fact]
        public void Should_count_none_when_the_model_ignores_the_protected_attribute()
        {
            // Given a model that gives c0 no weight
            var (data, _) = Model(0);

            // When the top 2 drivers are compared
            var result = Expect.Single(new ProtectedTopDriversCheck().Evaluate(data, ExplainData.AtMost(Id, 0, ("k", 2), ("sample", 200))), "top drivers");

            // Then none is protected, certainly so
            Expect.Value(0, result, "no protected driver");
            Expect.Sequence([0.0, 0.0], result.Ci ?? [], "the interval is certain");
            Expect.Outcome(Outcome.Pass, result, "no protected driver");
        }
    }
}
