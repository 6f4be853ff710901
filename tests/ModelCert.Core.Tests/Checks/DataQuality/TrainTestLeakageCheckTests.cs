using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class TrainTestLeakageCheckTests
{
    private const string Id = "data-quality.train-test-leakage";

    private static CheckResult Run(Frame test, Frame? train, IReadOnlyList<string>? features = null, RequirementParameters? parameters = null) =>
        Expect.Single(
            new TrainTestLeakageCheck().Evaluate(TestRequirements.Data(test, train, features), TestRequirements.AtMost(Id, 0.01, parameters)),
            "leakage");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_match_strings_by_value_across_different_dictionaries()
        {
            // Given train strings coded b=0, a=1, c=2 and test strings coded a=0, b=1, d=2
            var train = Of(TextsCoded("s", ["b", "a", "c"], "a", "b", "c"));
            var test = Of(TextsCoded("s", ["a", "b", "d"], "a", "d", "b", "d"));

            // When leakage is measured
            var result = Run(test, train);

            // Then a and b are found in train, d is not
            Expect.Proportion(2, 4, result, "leaked share");
            Expect.Equal(2L, Expect.Detail<long>(result, "leaked_rows", "leaked rows"), "leaked rows");
            Expect.Outcome(Outcome.Fail, result, "half leaked");
        }

        [Fact]
        public void Should_match_integers_with_equal_doubles()
        {
            // Given train x as Int64 and test x as Float64, with booleans as 0/1 against integers
            var train = Of(Integers("x", 1, 2, 3), Integers("flag", 1, 0, 1));
            var test = Of(Numbers("x", 1.0, 2.5, 3.0, -0.0), Flags("flag", true, false, true, false));

            // When leakage is measured
            var result = Run(test, train);

            // Then (1, true) and (3, true) occur in train
            Expect.Proportion(2, 4, result, "Int64 1 equals Float64 1.0");
        }

        [Fact]
        public void Should_not_match_integers_that_no_double_holds()
        {
            // Given 2^53 and 2^53 + 1 as integers in train, and 2^53 as a double in test
            const long Big = 1L << 53;
            var train = Of(Integers("x", Big + 1, long.MaxValue, long.MinValue));
            var test = Of(Numbers("x", Big, 9.223372036854775807E18, -9.223372036854775808E18));

            // When leakage is measured
            var result = Run(test, train);

            // Then 2^53 + 1 is not 2^53, long.MaxValue is not 2^63, but long.MinValue is exactly -2^63
            Expect.Proportion(1, 3, result, "only -2^63 matches");
        }

        [Fact]
        public void Should_match_missing_values_across_frames()
        {
            // Given a missing value in train and NaN and missing values in test
            var train = Of(Numbers("x", null, 1), Texts("s", null, "a"));
            var test = Of(Numbers("x", double.NaN, null, 1), Texts("s", null, null, null));

            // When leakage is measured
            var result = Run(test, train);

            // Then the first two test rows match the first train row, and (1, missing) matches nothing
            Expect.Proportion(2, 3, result, "missing is one value");
        }

        [Fact]
        public void Should_leave_out_id_columns_when_comparing_shared_columns()
        {
            // Given equal rows whose id, Row_ID, INDEX and customer_id differ, and a column only test has
            var train = Of(Integers("id", 1, 2), Integers("Row_ID", 1, 2), Integers("INDEX", 1, 2), Texts("customer_id", "c1", "c2"), Numbers("x", 1, 2));
            var test = Of(Integers("id", 3, 4), Integers("Row_ID", 3, 4), Integers("INDEX", 3, 4), Texts("customer_id", "c3", "c4"), Numbers("x", 1, 5), Numbers("score", 0.1, 0.2));

            // When leakage is measured with no feature list
            var result = Run(test, train);

            // Then the rows are compared on x alone, and the excluded id columns are named
            Expect.Proportion(1, 2, result, "x = 1 leaks");
            Expect.Sequence(["x"], Expect.Detail<List<string>>(result, "compared_columns", "compared"), "compared columns");
            Expect.Sequence(["id", "Row_ID", "INDEX", "customer_id"], Expect.Detail<List<string>>(result, "excluded_id_columns", "excluded"), "id columns");
        }

        [Fact]
        public void Should_compare_on_the_feature_columns_when_given()
        {
            // Given rows equal on the features but not on a non-feature column
            var train = Of(Numbers("a", 1, 2), Numbers("b", 3, 4), Texts("batch", "jan", "jan"));
            var test = Of(Numbers("a", 1, 2), Numbers("b", 3, 5), Texts("batch", "feb", "feb"));

            // When leakage is measured with features a and b
            var result = Run(test, train, features: ["a", "b"]);

            // Then the first row leaks
            Expect.Proportion(1, 2, result, "features only");
        }

        [Fact]
        public void Should_compare_on_the_listed_columns_and_name_ones_train_lacks()
        {
            // Given x in both frames and y in test only
            var train = Of(Numbers("x", 1, 2));
            var test = Of(Numbers("x", 1, 2), Numbers("y", 1, 2));

            // When leakage is measured on x, then on x and y
            var onX = Run(test, train, parameters: new RequirementParameters { Columns = ["x"] });
            var onXy = Run(test, train, parameters: new RequirementParameters { Columns = ["x", "y"] });

            // Then x leaks fully, and y is an error naming the training data
            Expect.Proportion(2, 2, onX, "x");
            Expect.Outcome(Outcome.Error, onXy, "y missing from train");
            Expect.Contains("the training data has no column 'y'", onXy.Message, "which frame");
        }

        [Fact]
        public void Should_say_when_a_column_is_text_in_one_frame_only()
        {
            // Given zip as text in train and as a number in test
            var train = Of(Texts("zip", "10001"));
            var test = Of(Integers("zip", 10001));

            // When leakage is measured
            var result = Run(test, train);

            // Then nothing matches and the message says why
            Expect.Proportion(0, 1, result, "text is not a number");
            Expect.Contains("'zip' (int64 in test, string in train)", result.Message, "kind difference named");
        }

        [Fact]
        public void Should_pass_disjoint_frames()
        {
            // Given 1000 test rows none of which is in train
            var train = Of(Integers("n", [.. Enumerable.Range(0, 1000).Select(i => (long?)i)]));
            var test = Of(Integers("n", [.. Enumerable.Range(1000, 1000).Select(i => (long?)i)]));

            // When leakage is held to at most 0.01
            var result = Run(test, train);

            // Then it passes
            Expect.Outcome(Outcome.Pass, result, "disjoint");
        }

        [Fact]
        public void Should_skip_without_training_data_and_fail_soft_on_empty_frames()
        {
            // Given no training data; a test frame without rows; and an empty training frame
            var test = Of(Numbers("x", 1));
            var noRows = Of(Numbers("x"));

            // When leakage is measured
            var skipped = Run(test, null);
            var error = Run(noRows, test);
            var nothingToLeak = Run(test, noRows);

            // Then skipped, error, and a zero share
            Expect.Outcome(Outcome.Skipped, skipped, "no train");
            Expect.Contains("no training data", skipped.Message, "reason");
            Expect.Outcome(Outcome.Error, error, "no test rows");
            Expect.Proportion(0, 1, nothingToLeak, "empty train leaks nothing");
        }
    }
}
