using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class LabelBalanceCheckTests
{
    private const string Id = "data-quality.label-balance";

    private static CheckResult Run(EvaluationData data) =>
        Expect.Single(new LabelBalanceCheck().Evaluate(data, TestRequirements.AtLeast(Id, 0.1)), "label balance");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_the_rarer_class_share()
        {
            // Given one positive among four labels
            var frame = Of(Flags("y", true, false, false, false));
            var data = TestRequirements.Data(frame, truth: [true, false, false, false], label: "y");

            // When label balance is measured
            var result = Run(data);

            // Then it is 1/4 with its interval, and the positive class is the rarer one
            Expect.Proportion(1, 4, result, "rarer share");
            Expect.Equal("positive", Expect.Detail<string>(result, "rarer_class", "rarer class"), "rarer class");
        }

        [Fact]
        public void Should_leave_out_rows_whose_label_is_missing()
        {
            // Given five rows of which two have no label (their truth slots read false)
            var frame = Of(Flags("y", false, true, null, null, true));
            var data = TestRequirements.Data(frame, truth: [false, true, false, false, true], label: "y");

            // When label balance is measured
            var result = Run(data);

            // Then the negative class has 1 of 3 labelled rows
            Expect.Proportion(1, 3, result, "labelled rows only");
            Expect.Equal(2L, Expect.Detail<long>(result, "unlabelled_rows", "unlabelled"), "unlabelled rows");
            Expect.Contains("left out: 2 rows without a label", result.Message, "message says so");
        }

        [Fact]
        public void Should_pass_balanced_and_fail_one_class_labels()
        {
            // Given 500 alternating labels, and 500 negatives
            var alternating = Enumerable.Range(0, 500).Select(i => i % 2 == 0).ToArray();
            var negatives = new bool[500];
            var frame = Of(Numbers("x", [.. Enumerable.Range(0, 500).Select(i => (double?)i)]));

            // When each is held to a rarer-class share of at least 0.1
            var balanced = Run(TestRequirements.Data(frame, truth: alternating));
            var single = Run(TestRequirements.Data(frame, truth: negatives));

            // Then the first passes and the second fails
            Expect.Outcome(Outcome.Pass, balanced, "balanced");
            Expect.Outcome(Outcome.Fail, single, "one class");
        }

        [Fact]
        public void Should_skip_without_labels_and_for_regression()
        {
            // Given data without labels, and regression data
            var frame = Of(Numbers("x", 1, 2));
            var unlabelled = TestRequirements.Data(frame);
            var regression = new EvaluationData { Task = ModelTask.Regression, Test = frame, Target = [1, 2] };

            // When label balance is measured
            var none = Run(unlabelled);
            var numeric = Run(regression);

            // Then both are skipped with the reason
            Expect.Outcome(Outcome.Skipped, none, "no labels");
            Expect.Contains("no labels", none.Message, "reason");
            Expect.Outcome(Outcome.Skipped, numeric, "regression");
            Expect.Contains("regression", numeric.Message, "reason");
        }

        [Fact]
        public void Should_give_an_error_for_a_frame_without_rows()
        {
            // Given labels for a frame with no rows
            var frame = Of(Flags("y"));

            // When label balance is measured
            var result = Run(TestRequirements.Data(frame, truth: [], label: "y"));

            // Then it is an error
            Expect.Outcome(Outcome.Error, result, "no rows");
        }
    }
}
