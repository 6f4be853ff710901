using ModelCert.Core.Checks.Security;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;
using ModelCert.Core.Tests.Checks.DataQuality;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Security;

public sealed class PiiCheckTests
{
    private const string Id = "security.pii";

    /// <summary>400 rows: contact holds 60 emails and 50 phones, notes 40 SSNs and 30 cards, account 20 IBANs, and look-alikes elsewhere.</summary>
    internal static (Frame Frame, List<string> Secrets) Seeded(int seed = 20240601)
    {
        var random = new Random(seed);
        var secrets = new List<string>();
        string Keep(string value)
        {
            secrets.Add(value);
            return value;
        }

        var rows = 400;
        var contact = new string?[rows];
        var notes = new string?[rows];
        var account = new string?[rows];
        var card = new long?[rows];
        for (var row = 0; row < rows; row++)
        {
            contact[row] = row < 60 ? Keep(Fixtures.Email(random)) : row < 110 ? Keep(Fixtures.Phone(random)) : row % 7 == 0 ? null : $"name at example dot com {row}";
            notes[row] = row < 40 ? $"ssn {Keep(Fixtures.Ssn(random))} on file" : row < 70 ? $"paid with {Keep(Fixtures.Card(random, valid: true))}" : row < 120 ? Fixtures.Card(random, valid: false) : row < 150 ? $"ref 666-{random.Next(10, 100)}-{random.Next(1000, 10000)}" : Fixtures.Digits(random, 10);
            var iban = Fixtures.Iban(random);
            account[row] = row < 20 ? Keep(iban) : $"{iban[..2]}{(int.Parse(iban[2..4], System.Globalization.CultureInfo.InvariantCulture) + 1) % 100:00}{iban[4..]}";
            card[row] = row < 5 ? long.Parse(Keep(Fixtures.Card(random, valid: true)).Replace(" ", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 1000 + row;
        }

        var frame = Of(Fixtures.Texts("contact", contact), Fixtures.Texts("notes", notes), Fixtures.Texts("account", account), Integers("card_number", card), Numbers("income", [.. Enumerable.Range(0, rows).Select(r => (double?)r)]));
        return (frame, secrets);
    }

    private static CheckResult Run(Frame frame, RequirementParameters? parameters = null) =>
        Run(TestRequirements.Data(frame), parameters);

    internal static CheckResult Run(EvaluationData data, RequirementParameters? parameters = null) =>
        Expect.Single(new PiiCheck().Evaluate(data, TestRequirements.AtMost(Id, 0, parameters)), "pii");

    /// <summary>Counts per dataset, column and kind.</summary>
    internal static Dictionary<string, SortedDictionary<string, SortedDictionary<string, long>>> Counts(CheckResult result) =>
        Expect.Detail<Dictionary<string, SortedDictionary<string, SortedDictionary<string, long>>>>(result, "counts", "counts");

    /// <summary>One dataset's entry in the details.</summary>
    internal static Dictionary<string, object?> Dataset(CheckResult result, string name) =>
        Expect.Detail<Dictionary<string, Dictionary<string, object?>>>(result, "datasets", "datasets")[name];

    public sealed class Evaluate
    {
        [Fact]
        public void Should_count_each_kind_per_column_and_fail_at_zero_allowed()
        {
            // Given the seeded frame
            var (frame, _) = Seeded();

            // When it is scanned
            var result = Run(frame);

            // Then the counts are exact per column and kind, the look-alikes are not counted, and the value is their sum
            var counts = Counts(result)["test"];
            Assert.Equal(new Dictionary<string, long> { ["email"] = 60, ["phone"] = 50 }, counts["contact"]);
            Assert.Equal(new Dictionary<string, long> { ["card"] = 30, ["ssn"] = 40 }, counts["notes"]);
            Assert.Equal(new Dictionary<string, long> { ["iban"] = 20 }, counts["account"]);
            Assert.Equal(new Dictionary<string, long> { ["card"] = 5 }, counts["card_number"]);
            Expect.Value(205, result, "flagged values");
            Expect.Outcome(Outcome.Fail, result, "personal data above 0");
            Assert.Equal(["contact", "notes", "account", "card_number", "income"], (List<string>)Dataset(result, "test")["scanned_columns"]!);
            Assert.False(Dataset(result, "test").ContainsKey("skipped_columns"), "whole floats are scanned, nothing skipped");
            Assert.Equal("test", Expect.Detail<string>(result, "worst_dataset", "the only dataset"));
        }

        [Fact]
        public void Should_never_put_a_value_in_the_result()
        {
            // Given seeded test, training and shifted frames and every secret value in them
            var (frame, secrets) = Seeded();
            var (train, trainSecrets) = Seeded(7);
            var (shifted, shiftedSecrets) = Seeded(11);
            secrets.AddRange(trainSecrets);
            secrets.AddRange(shiftedSecrets);
            var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = frame, Train = train, Shifted = shifted };

            // When they are scanned and the result serialized as results.json writes it
            var result = Run(data);
            Assert.Equal(["test", "train", "shifted"], Counts(result).Keys);
            var json = System.Text.Json.JsonSerializer.Serialize(result, ResultsJson.Options);

            // Then no secret, nor its digits, appears
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
                Assert.DoesNotContain(new string([.. secret.Where(char.IsAsciiDigit)]), json, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Should_scan_only_the_columns_and_kinds_asked()
        {
            // Given the seeded frame
            var (frame, _) = Seeded();

            // When only contact is scanned for phones
            var result = Run(frame, new RequirementParameters { Columns = ["contact"], Values = new Dictionary<string, object> { ["kinds"] = new List<string> { "phone" } } });

            // Then only the 50 phones count
            Expect.Value(50, result, "phones in contact");
            Assert.Equal(["contact"], (List<string>)Dataset(result, "test")["scanned_columns"]!);
        }

        [Fact]
        public void Should_name_an_unknown_kind_and_an_absent_column()
        {
            // Given the seeded frame
            var (frame, _) = Seeded();

            // When a kind or a column does not exist
            var kind = Run(frame, new RequirementParameters { Values = new Dictionary<string, object> { ["kinds"] = new List<string> { "passport" } } });
            var column = Run(frame, new RequirementParameters { Columns = ["mail"] });

            // Then each is an error naming it
            Expect.Outcome(Outcome.Error, kind, "unknown kind");
            Expect.Contains("unknown PII kind 'passport'; choose from email, phone, ssn, card, iban", kind.Message, "kinds listed");
            Expect.Contains("test.csv has no column 'mail'", column.Message, "column named");
        }

        [Fact]
        public void Should_pass_clean_data_and_scan_every_column_read()
        {
            // Given the full frame beside a test frame of one clean column
            var (frame, _) = Seeded();
            var clean = Of(Numbers("income", 1, 2, 3));
            var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = clean, TestAllColumns = frame, TestOrigin = "test.csv" };

            // When the clean test frame alone is scanned, and when all columns were read
            var alone = Run(Of(Texts("city", "Oslo", "Lima")));
            var all = Expect.Single(new PiiCheck().Evaluate(data, TestRequirements.AtMost(Id, 0)), "all columns");

            // Then clean data passes, and the scan reads every column when they were all read
            Expect.Outcome(Outcome.Pass, alone, "nothing found");
            Expect.Value(205, all, "all columns scanned");
        }
    }
}
