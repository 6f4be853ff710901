using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Tests.Checks.DataQuality;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Compliance;

public sealed class ConsentCheckTests
{
    private const string Id = "compliance.consent";

    private static Requirement Every(string onMissing) =>
        TestRequirements.AtLeast(Id, 1, ComplianceTestData.Parameters(("on_missing", onMissing)), minSample: 30);

    /// <summary>Six rows: consent yes, no, missing, "Granted", "maybe", 1-like "TRUE"; scores, labels and sex groups alongside.</summary>
    private static EvaluationData Six(string? column = "consent") => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = Of(Texts("consent", "yes", "no", null, " Granted ", "maybe", "TRUE"), Numbers("x", 0, 1, 2, 3, 4, 5)),
        TestOrigin = "test.csv",
        Truth = [true, false, true, false, true, false],
        Scores = [0.9, 0.8, 0.7, 0.2, 0.1, 0.6],
        Predicted = [true, true, true, false, false, true],
        Attributes = [new ProtectedAttribute("sex", [0, 1, 0, 1, -1, 1], ["F", "M"])],
        Provenance = new DataProvenance(null, null, null, column, null),
    };

    public sealed class Evaluate
    {
        [Fact]
        public void Should_fail_rows_without_consent_when_on_missing_is_fail()
        {
            // Given six rows of which three consent (yes, Granted, TRUE) / When every row must have consent
            var result = Expect.Single(new ConsentCheck().Evaluate(Six(), Every("fail")), "consent");

            // Then the share is 3/6 with no interval (a count over every evaluated row), and it fails
            Expect.Outcome(Outcome.Fail, result, "half consent");
            Expect.Value(0.5, result, "share");
            Assert.Null(result.Ci);
            Expect.Equal(1L, Expect.Detail<long>(result, "missing_values", "missing"), "one missing value");
            Expect.Contains("neither yes nor no: 'maybe'", result.Message, "names the unreadable value");
        }

        [Fact]
        public void Should_pass_after_exclusion_and_report_how_many_rows_went()
        {
            // Given a policy that excludes rows without consent / When the filter runs and then the check
            var requirement = Every("exclude");
            var filtered = ConsentFilter.Apply(Six(), [requirement]);
            var result = Expect.Single(new ConsentCheck().Evaluate(filtered, requirement), "consent");

            // Then three rows remain, all with consent, and the three excluded are counted
            Expect.Outcome(Outcome.Pass, result, "only consenting rows remain");
            Expect.Equal(3, filtered.Rows, "rows left");
            Expect.Equal(3L, Expect.Detail<long>(result, "excluded_rows", "excluded"), "excluded rows");
            Expect.Equal(6L, Expect.Detail<long>(result, "rows_before_exclusion", "before"), "rows before");
            Expect.Contains("3 of 6 rows without consent were excluded", result.Message, "message says so");
        }

        [Fact]
        public void Should_error_naming_a_column_that_is_not_in_the_data_and_skip_without_one()
        {
            // Given a declared consent column the data lacks, and no declared column
            var absent = Expect.Single(new ConsentCheck().Evaluate(Six("consnet"), Every("fail")), "absent");
            var undeclared = Expect.Single(new ConsentCheck().Evaluate(Six(column: null), Every("fail")), "undeclared");

            // Then the first is an error naming column, file and the closest column; the second is skipped
            Expect.Outcome(Outcome.Error, absent, "absent column");
            Expect.Contains("consent column 'consnet' is not in 'test.csv'; closest: 'consent'", absent.Message, "names it");
            Expect.Outcome(Outcome.Skipped, undeclared, "no column declared");
        }
    }

    public sealed class Filter
    {
        [Fact]
        public void Should_subset_every_row_aligned_array_consistently()
        {
            // Given the six rows / When rows without consent are excluded
            var filtered = ConsentFilter.Apply(Six(), [Every("exclude")]);

            // Then frame, labels, scores, decisions and group codes all keep rows 0, 3 and 5, in order
            Expect.Sequence(["0", "3", "5"], Enumerable.Range(0, 3).Select(r => filtered.Test["x"].FormatValue(r)), "frame rows");
            Expect.Sequence([true, false, false], filtered.Truth!, "labels");
            Expect.Sequence([0.9, 0.2, 0.6], filtered.Scores!, "scores");
            Expect.Sequence([true, false, true], filtered.Predicted!, "decisions");
            Expect.Sequence([0, 1, 1], filtered.Attributes[0].Codes, "group codes");
            Expect.Sequence(["F", "M"], filtered.Attributes[0].Groups, "group names kept");
            Expect.Equal(new ExcludedRows(3, 6, "no consent in column 'consent'"), filtered.Excluded, "recorded");
        }

        [Fact]
        public void Should_keep_missing_values_missing_in_the_subset()
        {
            // Given a frame whose kept rows include a missing value
            var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = Of(Numbers("x", 1, null, 3), Flags("f", null, true, false)) };

            // When rows 1 and 2 are kept
            var filtered = data.Where([false, true, true], "test");

            // Then x is missing in the first kept row, f is valid in both
            Expect.Sequence([null, "3"], Enumerable.Range(0, 2).Select(r => filtered.Test["x"].FormatValue(r)), "x");
            Expect.Sequence(["true", "false"], Enumerable.Range(0, 2).Select(r => filtered.Test["f"].FormatValue(r)), "f");
        }

        [Fact]
        public void Should_leave_the_data_alone_without_an_exclude_requirement()
        {
            // Given the six rows / When the policy fails rows without consent instead of excluding them
            var data = Six();
            var same = ConsentFilter.Apply(data, [Every("fail")]);

            // Then nothing is filtered
            Assert.Same(data, same);
        }

        [Fact]
        public void Should_refuse_to_exclude_every_row()
        {
            // Given a column in which nobody consents
            var data = new EvaluationData
            {
                Task = ModelTask.BinaryClassification,
                Test = Of(Texts("c", "no", "no")),
                TestOrigin = "t.csv",
                Provenance = new DataProvenance(null, null, null, "c", null),
            };

            // When rows without consent are to be excluded / Then it is an input error naming file and column
            var error = Assert.Throws<InputException>(() => ConsentFilter.Apply(data, [Every("exclude")]));
            Expect.Contains("no row of 't.csv' has consent in column 'c'", error.Message, "message");
        }
    }
}
