using ModelCert.Core.Checks.Robustness;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.Robustness.RobustnessData;

namespace ModelCert.Core.Tests.Checks.Robustness;

public sealed class NoiseChecksTests
{
    private const string FlipId = "robustness.noise-flip-rate";
    private const string DropId = "robustness.noise-metric-drop";

    /// <summary>Reads x and z, but its score depends on x only.</summary>
    private static FormulaModel XOnly() => new(["x", "z"], (frame, row) => FormulaModel.Number(frame, "x", row));

    public sealed class FlipRate
    {
        [Fact]
        public void Should_flip_decisions_near_the_threshold_and_blame_the_feature_the_model_uses()
        {
            // Given a model that scores x (the threshold at 0.5) and ignores z
            var data = Evaluate(Grid(2000), XOnly());

            // When noise at 0.1 standard deviations is added
            var result = Expect.Single(new NoiseFlipRateCheck().Evaluate(data, AtMost(FlipId, 0.5, ("scale", new[] { 0.05, 0.1 }))), "noise flips");

            // Then some decisions flip, x alone flips them, and z flips none
            Assert.True(result.Value is > 0 and < 0.2, $"flip rate {result.Value}: {result.Message}");
            var perFeature = Entries(result, "feature_flip_rates").ToDictionary(e => (string)e["feature"]!, e => (double)e["flip_rate"]!);
            Expect.Equal(0.0, perFeature["z"], "an ignored feature flips nothing");
            Assert.True(perFeature["x"] > 0, "x drives the flips");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "drivers");
            Expect.Contains("x", result.Message, "the message names the driver");
        }

        [Fact]
        public void Should_report_a_curve_over_every_scale_and_decide_on_the_largest()
        {
            // Given the x-only model
            var data = Evaluate(Grid(2000), XOnly());

            // When three scales are measured
            var result = Expect.Single(new NoiseFlipRateCheck().Evaluate(data, AtMost(FlipId, 0.5, ("scale", new[] { 0.1, 0.01, 0.05 }))), "noise flips");

            // Then the curve holds them in order, rising with the scale, each with an interval, and the value is the last
            var curve = Entries(result, "curve");
            Expect.Sequence([0.01, 0.05, 0.1], curve.Select(p => (double)p["x"]!), "curve settings");
            var values = curve.Select(p => (double)p["value"]!).ToList();
            Assert.True(values[0] <= values[1] && values[1] <= values[2], $"flip rates rise with noise: {string.Join(", ", values)}");
            Assert.All(curve, p => Assert.True((double)p["ci_low"]! <= (double)p["value"]! && (double)p["value"]! <= (double)p["ci_high"]!));
            Expect.Equal(values[2], result.Value, "decided on the largest scale");
            Expect.Equal("scale", Expect.Detail<string>(result, "curve_x", "curve_x"), "curve_x");
        }

        [Fact]
        public void Should_give_the_same_result_for_the_same_seed()
        {
            // Given the same evaluation twice
            var first = new NoiseFlipRateCheck().Evaluate(Evaluate(Grid(1000), XOnly()), AtMost(FlipId, 0.5))[0];
            var second = new NoiseFlipRateCheck().Evaluate(Evaluate(Grid(1000), XOnly()), AtMost(FlipId, 0.5))[0];

            // Then the flip rates and intervals agree exactly
            Expect.Equal(first.Value, second.Value, "same seed, same value");
            Expect.Sequence(first.Ci!, second.Ci!, "same interval");
        }

        [Fact]
        public void Should_pass_a_model_that_ignores_its_inputs_and_skip_without_a_model()
        {
            // Given a constant model, and the same data in predictions mode
            var constant = new FormulaModel(["x", "z", "g"], (_, _) => 0.9);
            var data = Evaluate(Grid(500), constant);
            var predictions = Evaluate(Grid(500), constant);
            predictions = new Evaluation.EvaluationData { Task = predictions.Task, Test = predictions.Test, Truth = predictions.Truth, Scores = predictions.Scores, Predicted = predictions.Predicted };

            // When noise flips are measured
            var result = Expect.Single(new NoiseFlipRateCheck().Evaluate(data, AtMost(FlipId, 0.01, ("swap_rate", 0.5))), "constant model");
            var skipped = Expect.Single(new NoiseFlipRateCheck().Evaluate(predictions, AtMost(FlipId, 0.01)), "predictions mode");

            // Then nothing flips, and without a model the check is skipped with the reason
            Expect.Value(0, result, "no flips");
            Expect.Outcome(Outcome.Pass, result, "passes");
            Expect.Outcome(Outcome.Skipped, skipped, "no model");
            Expect.Contains("predictions mode", skipped.Message, "reason");
        }
    }

    public sealed class MetricDrop
    {
        [Fact]
        public void Should_measure_the_accuracy_drop_with_a_paired_interval()
        {
            // Given the x-only model, whose accuracy on clean data is 0.9
            var data = Evaluate(Grid(2000), XOnly());

            // When noise at 0.2 standard deviations is added
            var result = Expect.Single(new NoiseMetricDropCheck().Evaluate(data, AtMost(DropId, 0.5, ("scale", new[] { 0.2 }))), "accuracy drop");

            // Then accuracy falls, the interval holds the drop, and x is the driver
            Expect.Equal(0.9, Expect.Detail<double?>(result, "clean", "clean accuracy"), "clean accuracy");
            Assert.True(result.Value > 0, $"accuracy drops: {result.Message}");
            Assert.True(result.Ci![0] <= result.Value && result.Value <= result.Ci[1], "interval holds the value");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "drivers");
        }

        [Fact]
        public void Should_refuse_a_regression_metric_for_a_classifier()
        {
            // Given a classifier
            var data = Evaluate(Grid(200), XOnly());

            // When the metric asked for is MAE
            var result = Expect.Single(new NoiseMetricDropCheck().Evaluate(data, AtMost(DropId, 0.5, ("metric", "mae"))), "wrong metric");

            // Then it is an error naming the choices
            Expect.Outcome(Outcome.Error, result, "error");
            Expect.Contains("accuracy, f1", result.Message, "choices");
        }
    }
}
