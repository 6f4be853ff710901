using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Explainability;

public sealed class KernelShapTests
{
    private const string Id = "explainability.kernel-shap";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> Categories = new()
    {
        ["c0"] = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = -0.7, ["c"] = 1.1 },
        ["c1"] = new Dictionary<string, double> { ["a"] = 0, ["b"] = 0.4, ["c"] = -0.2 },
    };

    private static LinearScorer Linear() =>
        new(new Dictionary<string, double> { ["x0"] = 1.5, ["x1"] = -2, ["x2"] = 0.5, ["x3"] = 0 }, Categories, intercept: 0.1);

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public sealed class Engine
    {
        [Fact]
        public void Should_give_the_closed_form_values_of_a_linear_model_from_sampled_coalitions()
        {
            // Given a linear scorer over 4 numeric and 2 categorical features, the whole data as background, and fewer
            // coalitions (24) than the 62 there are, so the plan samples
            var test = ExplainData.Frame(300, 4, 2);
            var scorer = Linear();
            var data = ExplainData.Data(test, scorer);
            var inputs = new ExplainInputs(scorer, scorer.Features, scorer.Features);

            // When Kernel SHAP explains 40 rows
            var global = ShapEngine.Global(data, inputs, new ShapSettings(Background: 300, Samples: 24, Sample: 40));

            // Then every attribution is w_j (x_j - E[x_j]) (for categoricals: the category's weight minus its mean)
            var explanation = global.Explanation;
            Assert.False(explanation.Exact, "24 of 62 coalitions is a sample");
            for (var r = 0; r < explanation.Count; r++)
            {
                var row = explanation.Rows[r];
                for (var j = 0; j < scorer.Features.Count; j++)
                {
                    var name = scorer.Features[j];
                    var mean = Enumerable.Range(0, test.RowCount).Average(i => scorer.Term(test, name, i));
                    var expected = scorer.Term(test, name, row) - mean;
                    Assert.True(Math.Abs(expected - explanation.Row(r)[j]) < 1e-9, $"row {row} feature {name}: expected {expected}, got {explanation.Row(r)[j]}");
                }
            }
        }

        [Fact]
        public void Should_equal_the_shapley_definition_when_every_coalition_fits_the_budget()
        {
            // Given a nonlinear scorer (sigmoid of a margin with an interaction) over 3 features and a 20-row background
            var test = ExplainData.Frame(60, 2, 1);
            var scorer = new LinearScorer(
                new Dictionary<string, double> { ["x0"] = 1, ["x1"] = -0.5 },
                new Dictionary<string, IReadOnlyDictionary<string, double>> { ["c0"] = Categories["c0"] },
                link: Sigmoid,
                extra: (f, r) => ((Float64Column)f["x0"]).Values[r] * ((Float64Column)f["x1"]).Values[r]);
            var data = ExplainData.Data(test, scorer);
            var inputs = new ExplainInputs(scorer, scorer.Features, scorer.Features);
            var settings = new ShapSettings(Background: 20, Samples: 100, Sample: 5);

            // When Kernel SHAP explains 5 rows with all 6 coalitions enumerated
            var explainer = ShapEngine.Explainer(data, inputs, settings);
            var explanation = ShapEngine.Global(data, inputs, settings).Explanation;

            // Then each attribution equals the Shapley value computed from its definition over all subsets
            Assert.True(explanation.Exact, "2^3 - 2 coalitions fit in 100");
            var background = BackgroundRows(data, settings);
            for (var r = 0; r < explanation.Count; r++)
            {
                var exact = Shapley(scorer, test, explanation.Rows[r], background);
                for (var j = 0; j < 3; j++)
                {
                    Assert.True(Math.Abs(exact[j] - explanation.Row(r)[j]) < 1e-9, $"row {explanation.Rows[r]} feature {scorer.Features[j]}: expected {exact[j]}, got {explanation.Row(r)[j]}");
                }
            }

            Assert.Equal(6, explainer.Plan.Count);
        }

        [Fact]
        public void Should_keep_the_efficiency_constraint_exactly_when_sampling()
        {
            // Given a nonlinear scorer over 6 features and 30 sampled coalitions
            var test = ExplainData.Frame(200, 4, 2);
            var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 1.5, ["x1"] = -2, ["x2"] = 0.5, ["x3"] = 1 }, Categories, link: Sigmoid,
                extra: (f, r) => Math.Sin(((Float64Column)f["x2"]).Values[r] * ((Float64Column)f["x3"]).Values[r]));
            var data = ExplainData.Data(test, scorer);
            var inputs = new ExplainInputs(scorer, scorer.Features, scorer.Features);

            // When 30 rows are explained
            var explanation = ShapEngine.Global(data, inputs, new ShapSettings(40, 30, 30)).Explanation;

            // Then each row's attributions add up to its score minus the background mean score
            for (var r = 0; r < explanation.Count; r++)
            {
                var sum = explanation.Row(r).ToArray().Sum();
                Assert.True(Math.Abs(sum - (explanation.Outputs[r] - explanation.BaseValue)) < 1e-9, $"row {r}: sum {sum}, f(x) - E[f] {explanation.Outputs[r] - explanation.BaseValue}");
            }
        }

        private static int[] BackgroundRows(EvaluationData data, ShapSettings settings) =>
            ExplainSetup.Sample(ExplainSetup.AllRows(data.Rows), settings.Background, data.Bootstrap.Seed, "kernel-shap/background");

        /// <summary>phi_j = sum over S without j of |S|! (M-|S|-1)! / M! (v(S + j) - v(S)), v(S) = mean over the background of f(x_S, b_rest).</summary>
        private static double[] Shapley(LinearScorer scorer, Frame test, int row, int[] background)
        {
            var m = scorer.Features.Count;
            var value = new double[1 << m];
            for (var mask = 0; mask < value.Length; mask++)
            {
                var columns = scorer.Features.Select((name, j) =>
                    FrameRows.Gather(test[name], test[name], [.. background.Select(b => (mask & (1 << j)) != 0 ? row : b)])).ToList();
                value[mask] = scorer.Score(new Frame(columns, background.Length)).Average();
            }

            var phi = new double[m];
            for (var j = 0; j < m; j++)
            {
                for (var mask = 0; mask < value.Length; mask++)
                {
                    if ((mask & (1 << j)) != 0)
                    {
                        continue;
                    }

                    var size = System.Numerics.BitOperations.PopCount((uint)mask);
                    var weight = Factorial(size) * Factorial(m - size - 1) / Factorial(m);
                    phi[j] += weight * (value[mask | (1 << j)] - value[mask]);
                }
            }

            return phi;
        }

        private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_the_share_of_attribution_on_protected_attributes_and_proxies()
        {
            // Given a linear scorer where c1 is a protected attribute and x2 a declared proxy
            var test = ExplainData.Frame(400, 4, 2);
            var scorer = Linear();
            var data = ExplainData.Data(test, scorer, attributes: [ExplainData.Attribute(test, "c1")], proxies: ["x2"]);

            // When kernel-shap runs
            var result = Expect.Single(new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.5, ("sample", 50), ("background", 100))), "kernel-shap");

            // Then the value is (mean|phi| of c1 + x2) / total, the importance list is sorted with intervals, and rows are named by index only
            var importance = Expect.Detail<List<Dictionary<string, object?>>>(result, "importance", "importance");
            var values = importance.ToDictionary(i => (string)i["feature"]!, i => (double)i["value"]!);
            Expect.Value((values["c1"] + values["x2"]) / values.Values.Sum(), result, "share on c1 and x2");
            Expect.Sequence(values.Values.OrderByDescending(v => v), importance.Select(i => (double)i["value"]!), "sorted, largest first");
            Assert.All(importance, i => Assert.True((double)i["ci_low"]! <= (double)i["value"]! && (double)i["value"]! <= (double)i["ci_high"]!, $"{i["feature"]} inside its interval"));
            Assert.True(Math.Abs(values["x3"]) < 1e-9, $"x3 has weight 0, got {values["x3"]}");
            var examples = Expect.Detail<List<Dictionary<string, object?>>>(result, "row_reasons", "examples");
            Assert.Equal(KernelShapCheck.ExampleRows, examples.Count);
            Assert.All(examples, e => Assert.Equal(["directions", "reasons", "row"], e.Keys.Order(StringComparer.Ordinal)));
            Expect.Outcome(Outcome.Pass, result, "well under half");
        }

        [Fact]
        public void Should_skip_in_predictions_mode()
        {
            // Given no runnable model
            var data = ExplainData.Data(ExplainData.Frame(10, 1, 0), model: null);

            // When kernel-shap runs
            var result = Expect.Single(new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.1)), "kernel-shap");

            // Then it is skipped with the reason
            Expect.Outcome(Outcome.Skipped, result, "no model");
            Expect.Contains("predictions mode", result.Message, "reason");
        }

        [Fact]
        public void Should_share_one_computation_with_protected_top_drivers()
        {
            // Given kernel-shap has run
            var test = ExplainData.Frame(200, 4, 2);
            var scorer = Linear();
            var data = ExplainData.Data(test, scorer, attributes: [ExplainData.Attribute(test, "c0")]);
            new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.5, ("sample", 30)));
            var calls = scorer.Calls;

            // When protected-top-drivers ranks by SHAP with the same parameters
            var result = Expect.Single(new ProtectedTopDriversCheck().Evaluate(data, ExplainData.AtMost("explainability.protected-top-drivers", 0, ("sample", 30))), "top drivers");

            // Then the model is not scored again
            Assert.Equal(calls, scorer.Calls);
            Assert.NotNull(result.Value);
        }

        [Fact]
        public void Should_report_an_error_for_a_feature_the_model_does_not_read()
        {
            var data = ExplainData.Data(ExplainData.Frame(20, 2, 0), Linear2());
            var result = Expect.Single(new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.1, ("features", new List<string> { "x0", "zip" }))), "kernel-shap");
            Expect.Outcome(Outcome.Error, result, "unknown feature");
            Expect.Contains("'zip'", result.Message, "names it");
        }

        [Fact]
        public void Should_report_an_error_when_the_coalitions_cannot_determine_the_attributions()
        {
            // Given 6 features and a budget of 2 coalitions
            var data = ExplainData.Data(ExplainData.Frame(50, 4, 2), Linear());

            // When kernel-shap runs
            var result = Expect.Single(new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.1, ("samples", 2))), "kernel-shap");

            // Then it is an error that says what to raise
            Expect.Outcome(Outcome.Error, result, "underdetermined");
            Expect.Contains("raise 'samples' (at least 12 for 6 features)", result.Message, "what to do");
        }

        [Fact]
        public void Should_report_an_error_when_the_model_returns_non_finite_scores()
        {
            // Given a model that returns NaN for large x0
            var scorer = new LinearScorer(new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 }, link: z => z > 1.5 ? double.NaN : z);
            var data = ExplainData.Data(ExplainData.Frame(200, 2, 0), scorer);

            // When kernel-shap runs
            var result = Expect.Single(new KernelShapCheck().Evaluate(data, ExplainData.AtMost(Id, 0.1)), "kernel-shap");

            // Then it is an error naming the value
            Expect.Outcome(Outcome.Error, result, "NaN scores");
            Expect.Contains("returned NaN", result.Message, "the value");
        }

        private static LinearScorer Linear2() => new(new Dictionary<string, double> { ["x0"] = 1, ["x1"] = 1 });
    }
}
