using System.Globalization;
using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>The PII scan through certify on the training data: a clean test split, seeded personal data in --train.</summary>
public sealed class PiiTrainingDataTests
{
    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata: { name: pii-train, version: 1.0.0 }
        requirements:
          - id: no-pii
            title: No personal data in any dataset
            check: security.pii
            threshold: { max: 0 }
            on_fail: block
        """;

    private const string NoPiiPolicy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata: { name: no-pii-check, version: 1.0.0 }
        requirements:
          - id: accuracy
            title: Accuracy
            check: performance.accuracy
            threshold: { min: 0.5 }
        """;

    [Fact]
    public void Should_fail_naming_the_training_data_and_column_and_never_show_a_value()
    {
        // Given 500 clean rows of adult's test split, and 500 rows of its train split with a contact column of
        // emails and SSNs and an integer card_number column of Luhn-valid card numbers
        using var temp = new TempFolder();
        var random = new Random(8675309);
        var secrets = new List<string>();
        var test = temp.Write("test.csv", string.Join('\n', File.ReadLines(SharedData.Require("datasets/adult/test.csv")).Take(501)) + "\n");
        var trainLines = File.ReadLines(SharedData.Require("datasets/adult/train.csv")).Take(501).Select((line, i) => i switch
        {
            0 => line + ",contact,card_number",
            _ => FormattableString.Invariant($"{line},{Contact(i)},{(i <= 30 ? Secret(CardNumber(random)) : string.Empty)}"),
        });
        var train = temp.Write("train.csv", string.Join('\n', trainLines) + "\n");
        var policy = temp.Write("pii.yaml", Policy);

        // When certify runs with --train into a signed pack
        var result = CliRunner.Run(
            "certify", "--model", SharedData.Require("models/adult/adult_lr.onnx"), "--data", test, "--train", train, "--label", "income", "--positive", ">50K",
            "--policy", policy, "--replicates", "50", "--workspace", temp.File("workspace"), "--out", temp.File("out"));

        // Then the requirement fails on the training data, naming it and its columns, while the test data is clean
        Assert.True(result.ExitCode == 4, result.ToString());
        var pii = JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement
            .GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("requirement").GetString() == "no-pii");
        Assert.Equal(110, pii.GetProperty("value").GetDouble());
        var details = pii.GetProperty("details");
        Assert.Equal("train", details.GetProperty("worst_dataset").GetString());
        Assert.Equal(0, details.GetProperty("datasets").GetProperty("test").GetProperty("flagged").GetInt64());
        var counts = details.GetProperty("counts").GetProperty("train");
        Assert.Equal(40, counts.GetProperty("contact").GetProperty("email").GetInt64());
        Assert.Equal(40, counts.GetProperty("contact").GetProperty("ssn").GetInt64());
        Assert.Equal(30, counts.GetProperty("card_number").GetProperty("card").GetInt64());
        Assert.Contains("found in train 'card_number' (30 card), 'contact' (40 email, 40 ssn)", pii.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("reading train.csv (18 of 18 columns)", result.Error + result.Out, StringComparison.Ordinal);

        // And no seeded value appears in stdout, stderr, results.json, report.html or any other file of the pack
        var written = Directory.EnumerateFiles(temp.File("out"), "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(written, f => Path.GetFileName(f) == "report.html");
        var texts = written.Select(File.ReadAllText).ToList();
        Assert.Equal(110, secrets.Count);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        // And a run without the PII check reads only the training columns certification needs
        var narrow = CliRunner.Run(
            "certify", "--model", SharedData.Require("models/adult/adult_lr.onnx"), "--data", test, "--train", train, "--label", "income", "--positive", ">50K",
            "--policy", temp.Write("accuracy.yaml", NoPiiPolicy), "--replicates", "50", "--out", temp.File("narrow"));
        Assert.True(narrow.ExitCode is 0 or 3 or 4, narrow.ToString());
        Assert.DoesNotContain("reading train.csv (18 of 18 columns)", narrow.Error + narrow.Out, StringComparison.Ordinal);

        string Contact(int row) => row switch
        {
            <= 40 => Secret($"person{random.Next(100000)}@mail{random.Next(100)}.example"),
            <= 80 => Secret($"{random.Next(1, 666):000}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}"),
            _ => $"no contact {row}",
        };

        string Secret(string value)
        {
            secrets.Add(value);
            return value;
        }
    }

    /// <summary>A 16-digit number starting with 4 whose Luhn check digit is valid, as bare digits.</summary>
    private static string CardNumber(Random random)
    {
        var body = "4" + string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + random.Next(10))));
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        }

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
