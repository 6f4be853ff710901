using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;
using static ModelCert.Core.Tests.Checks.Security.PiiCheckTests;

namespace ModelCert.Core.Tests.Checks.Security;

/// <summary>The PII scan over the training data and the shifted set, the <c>datasets</c> parameter, and numeric columns.</summary>
public sealed class PiiCheckDatasetTests
{
    private static readonly Frame Clean = Of(Texts("city", "Oslo", "Lima", "Pune"), Numbers("income", 1.5, 2, 3));

    private static EvaluationData Data(Frame test, Frame? train = null, Frame? shifted = null) => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = test,
        TestOrigin = "test.csv",
        Train = train,
        TrainOrigin = train is null ? null : "train.csv",
        Shifted = shifted,
        ShiftedOrigin = shifted is null ? null : "shifted.csv",
    };

    private static RequirementParameters Datasets(params string[] names) =>
        new() { Values = new Dictionary<string, object> { ["datasets"] = new List<string>(names) } };

    public sealed class Evaluate
    {
        [Fact]
        public void Should_fail_on_personal_data_in_the_training_data_when_the_test_data_is_clean()
        {
            // Given clean test data, seeded training data and a shifted set holding only the seeded notes column
            var (train, _) = Seeded(7);
            var shifted = new Frame([train["notes"]], train.RowCount);

            // When every dataset is scanned
            var result = Run(Data(Clean, train, shifted));

            // Then the requirement is decided on the worst dataset (train), with counts per dataset and column
            Expect.Outcome(Outcome.Fail, result, "personal data in the training data");
            Expect.Value(205, result, "train's flagged values");
            Assert.Equal("train", Expect.Detail<string>(result, "worst_dataset", "worst"));
            var counts = Counts(result);
            Assert.Empty(counts["test"]);
            Assert.Equal(new Dictionary<string, long> { ["card"] = 30, ["ssn"] = 40 }, counts["shifted"]["notes"]);
            Assert.Equal(new Dictionary<string, long> { ["email"] = 60, ["phone"] = 50 }, counts["train"]["contact"]);
            var present = train.Columns.Sum(c => Enumerable.Range(0, c.Length).LongCount(c.IsValid));
            Assert.Equal(present, (long)Dataset(result, "train")["values_scanned"]!);
            Assert.Equal(present, result.SampleSize);
            Expect.Contains("found in train 'account' (20 iban)", result.Message, "dataset and column named");
            Expect.Contains("shifted 'notes' (30 card, 40 ssn)", result.Message, "shifted named");
        }

        [Fact]
        public void Should_scan_only_the_datasets_asked()
        {
            // Given clean test data and seeded training data
            var (train, _) = Seeded(7);
            var data = Data(Clean, train);

            // When the policy narrows the scan to the test data, asks only for a shifted set that was not given, or names an unknown dataset
            var testOnly = Run(data, Datasets("test"));
            var shiftedOnly = Run(data, Datasets("shifted"));
            var trainAndShifted = Run(data, Datasets("train", "shifted"));
            var unknown = Run(data, Datasets("holdout"));

            // Then the training data is not read when not asked, a missing dataset is skipped or noted, and an unknown one is an error
            Expect.Outcome(Outcome.Pass, testOnly, "only the clean test data");
            Assert.Equal(["test"], Counts(testOnly).Keys);
            Expect.Outcome(Outcome.Skipped, shiftedOnly, "no shifted set");
            Expect.Contains("no dataset to scan: shifted not given", shiftedOnly.Message, "reason");
            Expect.Value(205, trainAndShifted, "train scanned");
            Assert.Equal(["shifted"], Expect.Detail<List<string>>(trainAndShifted, "datasets_not_given", "shifted noted"));
            Expect.Outcome(Outcome.Error, unknown, "unknown dataset");
            Expect.Contains("unknown dataset 'holdout'; choose from test, train, shifted", unknown.Message, "choices listed");
        }

        [Fact]
        public void Should_name_the_dataset_lacking_a_column_and_prefer_every_column_read()
        {
            // Given seeded training data whose every column was read, and a needed-columns view without them
            var (train, _) = Seeded(7);
            var view = new Frame([train["income"]], train.RowCount);
            var all = new EvaluationData { Task = ModelTask.BinaryClassification, Test = Clean, Train = view, TrainAllColumns = train, TrainOrigin = "train.csv" };

            // When a column the training view lacks is asked, and when every column of the training data was read
            var missing = Run(Data(Clean, view), new RequirementParameters { Columns = ["income", "city"] });
            var full = Run(all);
            var partial = Run(Data(Clean, view));

            // Then the error names the file and column, every column is scanned when read, and a partial read is noted
            Expect.Contains("train.csv has no column 'city'", missing.Message, "train named");
            Expect.Value(205, full, "every training column scanned");
            Expect.Value(0, partial, "only income was read");
            Expect.Contains("only the columns read for certification were scanned in test, train", partial.Message, "partial read noted");
        }

        [Fact]
        public void Should_count_ssns_phones_and_cards_written_as_integers_and_whole_floats()
        {
            // Given integer and float columns of SSNs, phone numbers and cards as digits, with look-alikes
            var integers = Integers("ids", 219099999, 2125550143, 12125550143, 4111111111111111, 666123456, 1234567, 2120550143, null);
            var floats = Numbers("amounts", 219099999, 219099999.5, 4111111111111111, 9.1e18, -219099999, double.NaN, 1.25, null);
            var frame = Of(integers, floats, new BooleanColumn("flag", [true, false, true, false, true, false, true, false]));

            // When they are scanned
            var result = Run(Data(Of(Texts("city", "Oslo")), frame));
            var counts = Counts(result)["train"];

            // Then only the valid numbers count, fractions and unsafe floats are not identifiers, and booleans are skipped
            Assert.Equal(new Dictionary<string, long> { ["card"] = 1, ["phone"] = 2, ["ssn"] = 1 }, counts["ids"]);
            Assert.Equal(new Dictionary<string, long> { ["card"] = 1, ["ssn"] = 1 }, counts["amounts"]);
            Assert.Equal(["flag"], (List<string>)Dataset(result, "train")["skipped_columns"]!);
            Expect.Value(6, result, "flagged numbers");
        }
    }
}
