using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class CompletenessCheckTests
{
    private const string Id = "data-quality.completeness";

    private static CheckResult Run(EvaluationData data, Requirement? requirement = null) =>
        Expect.Single(new CompletenessCheck().Evaluate(data, requirement ?? TestRequirements.AtLeast(Id, 0.95)), "completeness");

    private static double?[] Present(int present, int missing) =>
        [.. Enumerable.Repeat<double?>(1.0, present), .. Enumerable.Repeat<double?>(null, missing)];

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_the_least_complete_column_with_its_wilson_interval()
        {
            // Given a column with 9 of 10 values and one with all 10
            var frame = Of(Numbers("full", Present(10, 0)), Numbers("gappy", Present(9, 1)));

            // When completeness is measured
            var result = Run(TestRequirements.Data(frame));

            // Then the value is the gappy column's 9/10 with its interval, and the message names it
            Expect.Proportion(9, 10, result, "worst column share");
            Expect.Equal("gappy", Expect.Detail<string>(result, "worst_column", "worst column"), "worst column detail");
            Expect.Contains("worst column 'gappy' has 9 of 10 values present", result.Message, "message names the worst column");
        }

        [Fact]
        public void Should_count_nan_as_missing()
        {
            // Given a numeric column with one NaN and one missing value among 4 rows
            var frame = Of(Numbers("x", 1.0, double.NaN, null, 2.0));

            // When completeness is measured
            var result = Run(TestRequirements.Data(frame));

            // Then only the two real numbers count as present
            Expect.Proportion(2, 4, result, "NaN and missing both count as missing");
        }

        [Fact]
        public void Should_list_every_column_worst_first()
        {
            // Given three columns of different completeness, strings and integers among them
            var frame = Of(
                Numbers("a", Present(3, 1)),
                Texts("b", "x", null, null, "y"),
                Integers("c", 1, 2, 3, 4));

            // When completeness is measured
            var result = Run(TestRequirements.Data(frame));

            // Then the details list b, a, c with their shares
            var columns = Expect.Detail<List<ColumnCompleteness>>(result, "columns", "per-column details");
            Expect.Sequence(["b", "a", "c"], columns.Select(c => c.Column), "worst first");
            Expect.Sequence([0.5, 0.75, 1.0], columns.Select(c => c.Share), "shares");
            Expect.Proportion(2, 4, result, "worst column decides");
        }

        [Fact]
        public void Should_pass_when_the_interval_clears_the_floor()
        {
            // Given 1000 complete rows
            var frame = Of(Numbers("x", Present(1000, 0)));

            // When completeness is held to at least 0.95
            var result = Run(TestRequirements.Data(frame));

            // Then the interval's low end (about 0.996) clears it
            Expect.Outcome(Outcome.Pass, result, "complete data");
            Expect.Equal(null, result.Remediation, "no remediation on a pass");
        }

        [Fact]
        public void Should_fail_when_the_interval_misses_the_floor()
        {
            // Given a column with half its 100 values missing
            var frame = Of(Numbers("x", Present(50, 50)));

            // When completeness is held to at least 0.95 (block on fail)
            var result = Run(TestRequirements.Data(frame));

            // Then the requirement fails, with the remediation attached
            Expect.Outcome(Outcome.Fail, result, "half missing");
            Expect.Equal("fix the data", result.Remediation, "remediation on a fail");
        }

        [Fact]
        public void Should_ask_for_review_when_the_interval_straddles_the_floor()
        {
            // Given 96 of 100 values present: the point clears 0.95, the interval [0.90, 0.98] straddles it
            var frame = Of(Numbers("x", Present(96, 4)));

            // When completeness is held to at least 0.95 (review when uncertain)
            var result = Run(TestRequirements.Data(frame));

            // Then a person must judge it
            Expect.Outcome(Outcome.Review, result, "uncertain");
            Expect.Contains("straddles", result.Message, "message says why");
        }

        [Fact]
        public void Should_default_to_features_label_and_attribute_columns()
        {
            // Given a feature list [x], a label y, a protected attribute sex, and an empty notes column outside them
            var frame = Of(
                Numbers("x", 1, 2),
                Flags("y", true, false),
                Texts("sex", "F", "M"),
                Texts("notes", null, null));
            var attributes = new[] { new ProtectedAttribute("sex", [0, 1], ["F", "M"]) };
            var data = TestRequirements.Data(frame, features: ["x", "absent"], attributes: attributes, label: "y");

            // When completeness is measured with no columns listed
            var result = Run(data);

            // Then x, y and sex are checked (all complete); notes is not, and the absent feature is reported
            Expect.Value(1.0, result, "complete defaults");
            Expect.Equal(3, Expect.Detail<int>(result, "columns_checked", "checked columns"), "x, y and sex");
            Expect.Sequence(["absent"], Expect.Detail<List<string>>(result, "absent_feature_columns", "absent features"), "absent feature");
        }

        [Fact]
        public void Should_check_only_the_listed_columns()
        {
            // Given a complete column and an empty one
            var frame = Of(Numbers("x", 1, 2), Numbers("empty", null, null));
            var requirement = TestRequirements.AtLeast(Id, 0.95, new RequirementParameters { Columns = ["x"] });

            // When only x is listed
            var result = Run(TestRequirements.Data(frame), requirement);

            // Then the empty column does not count
            Expect.Value(1.0, result, "only x");
        }

        [Fact]
        public void Should_give_an_error_naming_a_listed_column_the_data_lacks()
        {
            // Given a column 'Income' and a requirement listing 'income'
            var frame = Of(Numbers("Income", 1, 2));
            var requirement = TestRequirements.AtLeast(Id, 0.95, new RequirementParameters { Columns = ["income"] });

            // When completeness is measured
            var result = Run(TestRequirements.Data(frame), requirement);

            // Then it is an error that names the column and the near miss
            Expect.Outcome(Outcome.Error, result, "unknown column");
            Expect.Contains("'income' (did you mean 'Income'?", result.Message, "near miss named");
        }

        [Fact]
        public void Should_give_an_error_for_a_frame_without_rows()
        {
            // Given a frame with a column but no rows
            var frame = Of(Numbers("x"));

            // When completeness is measured
            var result = Run(TestRequirements.Data(frame));

            // Then the result is an error, not an exception
            Expect.Outcome(Outcome.Error, result, "no rows");
            Expect.Contains("test.csv has no rows", result.Message, "message names the data");
        }
    }
}
