using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class DuplicatesCheckTests
{
    private const string Id = "data-quality.duplicates";

    private static CheckResult Run(EvaluationData data, Requirement? requirement = null) =>
        Expect.Single(new DuplicatesCheck().Evaluate(data, requirement ?? TestRequirements.AtMost(Id, 0.05)), "duplicates");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_count_rows_that_repeat_an_earlier_row()
        {
            // Given rows (1,a), (2,b), (1,a), (1,a): the last two repeat the first
            var frame = Of(Integers("n", 1, 2, 1, 1), Texts("s", "a", "b", "a", "a"));

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then 2 of 4 rows are repeats, with the Wilson interval and the first repeat's index
            Expect.Proportion(2, 4, result, "duplicate share");
            Expect.Equal(2L, Expect.Detail<long>(result, "duplicate_rows", "count"), "duplicate rows");
            Expect.Equal(2L, Expect.Detail<long>(result, "first_duplicate_row_index", "first"), "first repeat");
        }

        [Fact]
        public void Should_treat_nan_and_missing_alike_but_apart_from_numbers()
        {
            // Given NaN, missing (slot 0.0), 0.0 and -0.0
            var frame = Of(Numbers("x", double.NaN, null, 0.0, -0.0));

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then missing repeats NaN and -0.0 repeats 0.0, but missing is not 0.0
            Expect.Proportion(2, 4, result, "NaN~missing and -0~0");
        }

        [Fact]
        public void Should_tell_a_missing_string_from_the_value_behind_code_zero()
        {
            // Given "a" (code 0) and a missing string whose slot also holds code 0
            var frame = Of(Texts("s", "a", null), Texts("t", "b", "b"));

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then validity matters: no repeats
            Expect.Proportion(0, 2, result, "missing is not code 0");
        }

        [Fact]
        public void Should_tell_rows_apart_when_values_swap_columns()
        {
            // Given (1, 2) and (2, 1) over two integer columns, and booleans (true, false) and (false, true)
            var frame = Of(Integers("a", 1, 2), Integers("b", 2, 1), Flags("c", true, false), Flags("d", false, true));

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then the column position is part of the hash
            Expect.Proportion(0, 2, result, "swapped values");
        }

        [Fact]
        public void Should_compare_only_the_listed_columns()
        {
            // Given rows equal on x but different in an id column
            var frame = Of(Integers("id", 1, 2, 3), Numbers("x", 0.5, 0.5, 0.25));
            var requirement = TestRequirements.AtMost(Id, 0.05, new RequirementParameters { Columns = ["x"] });

            // When duplicates are measured on x alone
            var result = Run(TestRequirements.Data(frame), requirement);

            // Then the second row repeats the first
            Expect.Proportion(1, 3, result, "duplicates on x");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "columns", "listed columns"), "columns detail");
        }

        [Fact]
        public void Should_pass_distinct_rows_and_fail_a_frame_of_copies()
        {
            // Given 1000 distinct rows, and 1000 copies of one row
            var distinct = Of(Integers("n", [.. Enumerable.Range(0, 1000).Select(i => (long?)i)]));
            var copies = Of(Integers("n", [.. Enumerable.Repeat<long?>(7, 1000)]));

            // When each is held to at most 5% duplicates
            var clean = Run(TestRequirements.Data(distinct));
            var dirty = Run(TestRequirements.Data(copies));

            // Then the first passes and the second fails
            Expect.Outcome(Outcome.Pass, clean, "distinct rows");
            Expect.Outcome(Outcome.Fail, dirty, "copies");
            Expect.Proportion(999, 1000, dirty, "all but the first repeat");
        }

        [Fact]
        public void Should_give_an_error_for_a_frame_without_rows()
        {
            // Given a frame with no rows
            var frame = Of(Texts("s"));

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then the result is an error
            Expect.Outcome(Outcome.Error, result, "no rows");
        }

        [Fact]
        public void Should_give_an_error_for_a_frame_without_columns()
        {
            // Given a frame with no columns
            var frame = Of();

            // When duplicates are measured
            var result = Run(TestRequirements.Data(frame));

            // Then the result is an error (no rows, no columns), not an exception
            Expect.Outcome(Outcome.Error, result, "empty frame");
        }
    }
}
