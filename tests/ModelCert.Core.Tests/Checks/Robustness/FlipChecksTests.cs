using ModelCert.Core.Checks.Robustness;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.Robustness.RobustnessData;

namespace ModelCert.Core.Tests.Checks.Robustness;

public sealed class FlipChecksTests
{
    private const string MissingId = "robustness.missing-flip-rate";
    private const string CounterfactualId = "robustness.counterfactual-flip-rate";

    public sealed class Missing
    {
        [Fact]
        public void Should_count_nan_scores_as_flips_and_spare_an_ignored_feature()
        {
            // Given a model that scores x (NaN when x is missing) and ignores z, both of which may be missing
            var model = new FormulaModel(["x", "z"], (frame, row) => FormulaModel.Number(frame, "x", row));
            var data = Evaluate(Grid(1000), model);

            // When 10% of each feature is set missing in turn
            var result = Expect.Single(new MissingFlipRateCheck().Evaluate(data, AtMost(MissingId, 0.05, ("rate", 0.1))), "missing");

            // Then x's missing values flip exactly the positive decisions among the 100 rows changed, z's none
            var rates = Entries(result, "feature_flip_rates").ToDictionary(e => (string)e["feature"]!, e => e);
            Expect.Equal(0.0, (double)rates["z"]["flip_rate"]!, "z is ignored");
            Expect.Equal(100, (int)rates["x"]["values_set_missing"]!, "round(0.1 x 1000) values set missing");
            Expect.Equal(100, (int)rates["x"]["nan_scores"]!, "every changed row scores NaN");
            Expect.Equal(0.1, result.Value, "NaN scores count as flips");
            Expect.Outcome(Outcome.Fail, result, "0.1 misses 0.05");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "drivers");
        }

        [Fact]
        public void Should_report_a_feature_the_model_rejects_as_a_finding_not_a_crash()
        {
            // Given a model that cannot take a missing g
            var model = new FormulaModel(["x", "g"], (frame, row) => FormulaModel.Number(frame, "x", row), rejectsMissing: ["g"]);
            var data = Evaluate(Grid(500), model);

            // When missing values are injected
            var result = Expect.Single(new MissingFlipRateCheck().Evaluate(data, AtMost(MissingId, 0.5, ("rate", 0.05))), "rejected");

            // Then the requirement fails and names g and the scorer's reason
            Expect.Outcome(Outcome.Fail, result, "a rejected missing value fails");
            Expect.Contains("cannot take missing values in 1 of 2 features (g)", result.Message, "names the feature");
            var rejected = Entries(result, "rejects_missing");
            Expect.Equal("g", (string)rejected[0]["feature"]!, "rejected feature");
            Assert.Contains("g", Expect.Detail<List<string>>(result, "drivers", "drivers"));
        }
    }

    public sealed class Counterfactual
    {
        [Fact]
        public void Should_find_flips_when_the_model_reads_the_attribute()
        {
            // Given a model that adds 0.2 to the score of group A, and g as a protected attribute
            var frame = Grid(1200);
            var model = new FormulaModel(["x", "g"], (f, row) => FormulaModel.Number(f, "x", row) + (FormulaModel.Text(f, "g", row) == "A" ? 0.2 : 0));
            var data = Evaluate(frame, model, [Group(frame)]);

            // When g is set to the other group for every row
            var result = Expect.Single(new CounterfactualFlipRateCheck().Evaluate(data, AtMost(CounterfactualId, 0.01)), "counterfactual");

            // Then exactly the rows with x in (0.3, 0.5] change (x + 0.2 crosses 0.5 one way or the other): 20% of them
            Expect.Equal("g", result.Attribute, "per attribute");
            var expected = Enumerable.Range(0, 1200).Count(i => (i + 0.5) / 1200 is > 0.3 and <= 0.5);
            Expect.Proportion(expected, 1200, result, "flip share");
            Expect.Outcome(Outcome.Fail, result, "fails a 1% ceiling");
            Expect.Sequence(["g"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "drivers");
        }

        [Fact]
        public void Should_find_no_flips_when_the_model_ignores_the_attribute_it_reads()
        {
            // Given a model that takes g as input but does not use it
            var frame = Grid(600);
            var model = new FormulaModel(["x", "g"], (f, row) => FormulaModel.Number(f, "x", row));
            var data = Evaluate(frame, model, [Group(frame)]);

            // When counterfactuals are scored
            var result = Expect.Single(new CounterfactualFlipRateCheck().Evaluate(data, AtMost(CounterfactualId, 0.01)), "counterfactual");

            // Then no decision changes
            Expect.Proportion(0, 600, result, "no flips");
            Expect.Outcome(Outcome.Pass, result, "passes");
        }

        [Fact]
        public void Should_skip_when_no_attribute_or_proxy_is_a_model_input_and_use_a_declared_proxy()
        {
            // Given a model that does not read g, and the same with z declared a proxy
            var frame = Grid(300);
            var model = new FormulaModel(["x"], (f, row) => FormulaModel.Number(f, "x", row));
            var data = Evaluate(frame, model, [Group(frame)]);

            // When counterfactuals are asked for
            var skipped = Expect.Single(new CounterfactualFlipRateCheck().Evaluate(data, AtMost(CounterfactualId, 0.01)), "not read");
            var proxy = Expect.Single(new CounterfactualFlipRateCheck().Evaluate(data, AtMost(CounterfactualId, 0.01, ("proxies", new[] { "x" }))), "proxy");

            // Then the first is skipped with the reason, and the numeric proxy is refused as having too many groups
            Expect.Outcome(Outcome.Skipped, skipped, "skipped");
            Expect.Contains("no protected attribute or declared proxy is a model input", skipped.Message, "reason");
            Expect.Outcome(Outcome.Error, proxy, "a numeric proxy is not a set of groups");
            Expect.Contains("more than 50 distinct values", proxy.Message, "reason");
        }
    }
}
