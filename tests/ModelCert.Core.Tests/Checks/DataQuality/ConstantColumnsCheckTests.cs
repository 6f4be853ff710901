using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class ConstantColumnsCheckTests
{
    private const string Id = "data-quality.constant-columns";

    private static CheckResult Run(EvaluationData data, Requirement? requirement = null) =>
        Expect.Single(new ConstantColumnsCheck().Evaluate(data, requirement ?? TestRequirements.AtMost(Id, 0)), "constant columns");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_count_single_valued_and_entirely_missing_columns()
        {
            // Given a constant integer with gaps, a varying number, an empty column, a constant string, and 0 / -0 / NaN
            var frame = Of(
                Integers("five", 5, null, 5, 5),
                Numbers("varies", 1, 2, 3, 4),
                Numbers("empty", null, null, null, null),
                Texts("same", "x", "x", null, "x"),
                Numbers("zero", 0.0, -0.0, double.NaN, 0.0));

            // When constant columns are counted
            var result = Run(TestRequirements.Data(frame));

            // Then four are constant, listed with their values, and the count fails "at most 0" without an interval
            Expect.Value(4, result, "constant count");
            Expect.Equal(null, result.Ci, "a count has no interval");
            Expect.Outcome(Outcome.Fail, result, "constant columns present");
            var constant = Expect.Detail<List<ConstantColumn>>(result, "constant_columns", "listed columns");
            Expect.Sequence(
                [new ConstantColumn("five", "5"), new ConstantColumn("empty", null), new ConstantColumn("same", "x"), new ConstantColumn("zero", "0")],
                constant,
                "constant columns and values");
            Expect.Contains("'empty' (all missing)", result.Message, "message names the empty column");
        }

        [Fact]
        public void Should_pass_when_every_column_varies()
        {
            // Given two varying columns, one boolean
            var frame = Of(Flags("b", true, false), Texts("s", "a", "b"));

            // When constant columns are counted
            var result = Run(TestRequirements.Data(frame));

            // Then none is constant
            Expect.Value(0, result, "no constant columns");
            Expect.Outcome(Outcome.Pass, result, "all vary");
        }

        [Fact]
        public void Should_default_to_the_feature_columns()
        {
            // Given a constant column outside the feature list
            var frame = Of(Numbers("feature", 1, 2), Texts("source", "crm", "crm"));

            // When constant columns are counted with features [feature]
            var result = Run(TestRequirements.Data(frame, features: ["feature"]));

            // Then the constant non-feature column does not count
            Expect.Value(0, result, "only features");
            Expect.Equal(1, Expect.Detail<int>(result, "columns_checked", "checked"), "one feature");
        }

        [Fact]
        public void Should_give_an_error_for_a_frame_without_rows()
        {
            // Given a frame with no rows
            var frame = Of(Numbers("x"));

            // When constant columns are counted
            var result = Run(TestRequirements.Data(frame));

            // Then it is an error rather than "every column is entirely missing"
            Expect.Outcome(Outcome.Error, result, "no rows");
        }
    }
}
