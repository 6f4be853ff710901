using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class SchemaCheckTests
{
    private const string Id = "data-quality.schema";

    private static CheckResult Run(EvaluationData data, int minSample = 1) =>
        Expect.Single(new SchemaCheck().Evaluate(data, TestRequirements.AtMost(Id, 0, minSample: minSample)), "schema");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_pass_when_every_input_has_a_column()
        {
            // Given a runnable model with no schema problems
            var data = TestRequirements.Data(Of(Numbers("x", 1)));

            // When the schema is checked
            var result = Run(data);

            // Then it passes with 0 problems
            Expect.Value(0, result, "no problems");
            Expect.Outcome(Outcome.Pass, result, "fits");
        }

        [Fact]
        public void Should_fail_and_list_the_problems()
        {
            // Given two model inputs without a fitting column
            var data = new EvaluationData
            {
                Task = ModelTask.BinaryClassification,
                Test = Of(Numbers("x", 1)),
                ModelRunnable = true,
                SchemaProblems = ["input 'age' (float) has no column", "input 'zip' (string) has no column"],
            };

            // When the schema is checked
            var result = Run(data);

            // Then it fails and the message lists both
            Expect.Value(2, result, "two problems");
            Expect.Outcome(Outcome.Fail, result, "misfit");
            Expect.Contains("problems: input 'age' (float) has no column; input 'zip' (string) has no column", result.Message, "problems listed");
        }

        [Fact]
        public void Should_skip_in_predictions_mode()
        {
            // Given predictions without a runnable model
            var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = Of(Numbers("score", 0.3)), ModelRunnable = false };

            // When the schema is checked
            var result = Run(data);

            // Then it is skipped with the stated reason
            Expect.Outcome(Outcome.Skipped, result, "predictions mode");
            Expect.Equal("skipped: predictions mode: no model inputs to match", result.Message, "reason");
        }

        [Fact]
        public void Should_not_apply_the_minimum_sample_to_a_structural_count()
        {
            // Given a frame with no rows and a minimum sample of 100
            var data = TestRequirements.Data(Of(Numbers("x")));

            // When the schema is checked
            var result = Run(data, minSample: 100);

            // Then the schema still decides, and the result carries no sample size
            Expect.Outcome(Outcome.Pass, result, "names and types do not need rows");
            Expect.Equal(null, result.SampleSize, "no sample");
        }
    }
}
