using ModelCert.Core.Checks.Robustness;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.Robustness.RobustnessData;

namespace ModelCert.Core.Tests.Checks.Robustness;

public sealed class SearchAndOperationsTests
{
    private static FormulaModel XOnly(bool concurrent = false) => new(["x", "z"], (frame, row) => FormulaModel.Number(frame, "x", row), concurrent: concurrent);

    public sealed class Evasion
    {
        [Fact]
        public void Should_flip_exactly_the_rows_within_epsilon_of_the_threshold()
        {
            // Given score = x on a grid over (0, 1) with threshold 0.5, so x's range is about 1
            var frame = Grid(1000);
            var data = Evaluate(frame, XOnly());
            var range = FormulaModel.Number(frame, "x", 999) - FormulaModel.Number(frame, "x", 0);

            // When the search may move each feature by 0.1 x its range, over every row
            var result = Expect.Single(new EvasionSuccessRateCheck().Evaluate(data, AtMost("robustness.evasion-success-rate", 0.5, ("epsilon", new[] { 0.05, 0.1 }), ("sample", 1000))), "evasion");

            // Then the rows that flip are those with x within 0.1 x range of 0.5 (positives need x - d <= 0.5, negatives x + d > 0.5)
            var radius = 0.1 * range;
            var expected = Enumerable.Range(0, 1000).Select(i => (i + 0.5) / 1000).Count(x => x > 0.5 ? x - radius <= 0.5 : x + radius > 0.5);
            Expect.Proportion(expected, 1000, result, "success share");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "drivers", "drivers"), "x is the feature moved");
            Expect.Equal(2, Entries(result, "curve").Count, "one point per epsilon");
        }
    }

    public sealed class Shift
    {
        [Fact]
        public void Should_measure_the_drop_on_a_shifted_set_and_name_the_moved_feature()
        {
            // Given a shifted copy of the data whose x moved up by 0.3 while the labels kept the old rule
            var frame = Grid(1000);
            var model = XOnly();
            var data = Evaluate(frame, model);
            var moved = new Frame([new Float64Column("x", [.. Enumerable.Range(0, 1000).Select(i => ((i + 0.5) / 1000) + 0.3)]), frame["z"], frame["g"]], 1000);
            var shifted = new EvaluationData
            {
                Task = data.Task, Test = data.Test, Truth = data.Truth, Scores = data.Scores, Predicted = data.Predicted, Model = model,
                FeatureColumns = data.FeatureColumns, Bootstrap = data.Bootstrap,
                Shifted = moved, ShiftedOrigin = "shifted.csv", ShiftedTruth = data.Truth,
            };

            // When the accuracy drop is measured
            var result = Expect.Single(new ShiftMetricDropCheck().Evaluate(shifted, AtMost("robustness.shift-metric-drop", 0.05)), "shift");

            // Then the 300 rows with x in (0.2, 0.5] now decide positive: 270 become wrong and the 30 with a flipped
            // label become right, so accuracy falls by 0.24; and x drives it
            Assert.True(Math.Abs(result.Value!.Value - 0.24) < 1e-12, $"drop {result.Value}: {result.Message}");
            Expect.Outcome(Outcome.Fail, result, "fails a 0.05 ceiling");
            Expect.Equal("x", Expect.Detail<List<string>>(result, "drivers", "drivers")[0], "x moved most");
            Expect.Equal(5, Entries(result, "metrics").Count, "every classification metric on both sets");
        }

        [Fact]
        public void Should_skip_without_a_shifted_set()
        {
            var result = Expect.Single(new ShiftMetricDropCheck().Evaluate(Evaluate(Grid(100), XOnly()), AtMost("robustness.shift-metric-drop", 0.05)), "no shift");
            Expect.Outcome(Outcome.Skipped, result, "skipped");
            Expect.Contains("--shifted", result.Message, "how to give one");
        }
    }

    public sealed class Operations
    {
        [Fact]
        public void Should_report_latency_percentiles_in_order()
        {
            // Given a model
            var data = Evaluate(Grid(300), XOnly());

            // When single-row latency is measured at p99
            var result = Expect.Single(new LatencyCheck().Evaluate(data, AtMost("robustness.latency", 1000, ("runs", 200), ("percentile", "99"))), "latency");

            // Then p50 <= p95 <= p99, and the value is p99
            var curve = Entries(result, "curve");
            Expect.Sequence([50.0, 95.0, 99.0], curve.Select(p => (double)p["x"]!), "percentiles");
            var values = curve.Select(p => (double)p["value"]!).ToList();
            Assert.True(values[0] <= values[1] && values[1] <= values[2], string.Join(", ", values));
            Expect.Equal(values[2], result.Value, "decided on p99");
        }

        [Fact]
        public void Should_measure_throughput_and_memory_or_skip_memory_without_concurrent_callers()
        {
            // Given a model that can create concurrent callers, and one that cannot
            var concurrent = Evaluate(Grid(300), XOnly(concurrent: true));
            var single = Evaluate(Grid(300), XOnly());

            // When throughput and memory are measured
            var throughput = Expect.Single(new ThroughputCheck().Evaluate(concurrent, AtMost("robustness.throughput", 1e12, ("batch_rows", 1000), ("runs", 3))), "throughput");
            var memory = Expect.Single(new ConcurrentMemoryCheck().Evaluate(concurrent, AtMost("robustness.concurrent-memory", 1e6, ("callers", 2), ("runs", 2), ("batch_rows", 500))), "memory");
            var skipped = Expect.Single(new ConcurrentMemoryCheck().Evaluate(single, AtMost("robustness.concurrent-memory", 1e6)), "no callers");

            // Then throughput is positive, memory is measured with its range, and the single-caller model is skipped
            Assert.True(throughput.Value > 0, throughput.Message);
            Expect.Equal(3000L, throughput.SampleSize, "rows timed");
            Assert.True(memory.Value >= memory.Ci![0] && memory.Value <= memory.Ci[1], memory.Message);
            Expect.Outcome(Outcome.Skipped, skipped, "cannot run concurrently");
        }
    }
}
