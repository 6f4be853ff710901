using ModelCert.Core.Checks.Performance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class ScoreMetricCheckTests
{
    // Two positives scored 0.1 and two negatives scored 0.45: over-confident on one side, under on the other.
    // Ten bins keep the gaps apart, (1.8 + 0.9) / 4 = 0.675; two bins pool them, |1.1 - 2| / 4 = 0.225.
    private static readonly double[] Scores = [0.1, 0.1, 0.45, 0.45];
    private static readonly bool[] Truth = [true, true, false, false];

    private static EvaluationData Data() => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = new Frame([new Float64Column("score", Scores)], Scores.Length),
        Truth = Truth,
        Scores = Scores,
        Predicted = [.. Scores.Select(s => s > 0.5)],
        Bootstrap = new BootstrapOptions { Replicates = 50, Seed = 1 },
    };

    private static Requirement Ece(int? bins) => new(
        Id: "CAL-1",
        Title: "calibration",
        Check: "performance.ece",
        Parameters: new RequirementParameters { Bins = bins },
        Threshold: new Threshold(null, 0.5),
        Confidence: 0.95,
        OnFail: FailAction.Block,
        OnUncertain: UncertainAction.Review,
        MinSample: 1,
        References: [],
        Rationale: null,
        Remediation: null,
        Source: null);

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_ece_on_ten_bins_by_default()
        {
            // Given two positives scored 0.1 and two negatives scored 0.45
            // When the ECE check runs without a bins parameter
            var result = Assert.Single(new ScoreMetricCheck("performance.ece", ScoreMetricKind.Ece).Evaluate(Data(), Ece(null)));

            // Then it is the 10-bin ECE, the gaps kept apart
            Approx.Equal(0.675, result.Value, 1e-15, "10-bin ECE");
        }

        [Fact]
        public void Should_measure_ece_on_the_bins_the_requirement_asks_for()
        {
            // Given two positives scored 0.1 and two negatives scored 0.45
            // When the ECE check runs with bins: 2
            var result = Assert.Single(new ScoreMetricCheck("performance.ece", ScoreMetricKind.Ece).Evaluate(Data(), Ece(2)));

            // Then both scores share the bin [0, 0.5) and their gaps pool: 0.225, not the 10-bin 0.675
            Approx.Equal(ScoreMetrics.Ece(Scores, Truth, 2), result.Value, 1e-15, "2-bin ECE");
            Approx.Equal(0.225, result.Value, 1e-15, "2-bin ECE by hand");
        }
    }
}
