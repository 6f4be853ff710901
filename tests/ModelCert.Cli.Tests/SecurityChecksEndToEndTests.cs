using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>The security checks through certify: PII counts without values anywhere, and membership inference on a real model.</summary>
public sealed class SecurityChecksEndToEndTests
{
    private const string Policy = """
        apiVersion: modelcert/v1
        kind: Policy
        metadata: { name: security, version: 1.0.0 }
        requirements:
          - id: no-pii
            title: No personal data in the evaluation data
            check: security.pii
            threshold: { max: 0 }
            on_fail: block
          - id: inspected
            title: The model file keeps the limits
            check: security.model-inspection
            threshold: { max: 0 }
          - id: membership
            title: Training rows are not given away
            check: security.membership-inference
            params: { sample: 500 }
            threshold: { max: 0.6 }
        """;

    [Fact]
    public void Should_count_seeded_personal_data_and_never_show_it()
    {
        // Given a CSV with seeded emails, phones, SSNs, cards (Luhn) and IBANs, and look-alikes of each
        using var temp = new TempFolder();
        var random = new Random(424242);
        var secrets = new List<string>();
        var csv = new StringBuilder("id,contact,payment,score,label\n");
        for (var row = 0; row < 300; row++)
        {
            var contact = row switch
            {
                < 25 => Secret($"person{random.Next(100000)}@mail{random.Next(100)}.example"),
                < 45 => Secret($"({random.Next(2, 10)}{random.Next(100):00}) {random.Next(2, 10)}{random.Next(100):00}-{random.Next(10000):0000}"),
                < 60 => Secret($"{random.Next(1, 666):000}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}"),
                < 80 => $"000-{random.Next(10, 100)}-{random.Next(1000, 10000)}",
                _ => $"someone at example dot com {row}",
            };
            var payment = row switch
            {
                < 30 => Secret(Card(random, valid: true)),
                < 42 => Secret(Iban(random, valid: true)),
                < 100 => Card(random, valid: false),
                < 130 => Iban(random, valid: false),
                _ => Digits(random, 12),
            };
            csv.Append(CultureInfo.InvariantCulture, $"{row},{contact},{payment},{random.NextDouble():0.000},{row % 2}\n");
        }

        var data = temp.Write("people.csv", csv.ToString());
        var policy = temp.Write("security.yaml", Policy);

        // When certify runs in predictions mode, printing JSON
        var result = CliRunner.Run("certify", "--data", data, "--score-column", "score", "--label", "label", "--policy", policy, "--replicates", "50", "--format", "json", "--out", temp.File("out"));

        // Then the PII requirement fails with exact counts per column and kind
        Assert.True(result.ExitCode == 4, result.ToString());
        var pii = Check(temp, "no-pii");
        Assert.Equal(102, pii.GetProperty("value").GetDouble());
        var counts = pii.GetProperty("details").GetProperty("counts").GetProperty("test");
        Assert.Equal(25, counts.GetProperty("contact").GetProperty("email").GetInt64());
        Assert.Equal(20, counts.GetProperty("contact").GetProperty("phone").GetInt64());
        Assert.Equal(15, counts.GetProperty("contact").GetProperty("ssn").GetInt64());
        Assert.Equal(30, counts.GetProperty("payment").GetProperty("card").GetInt64());
        Assert.Equal(12, counts.GetProperty("payment").GetProperty("iban").GetInt64());
        Assert.Equal("skipped", Check(temp, "membership").GetProperty("outcome").GetString());

        // And no value appears in stdout, stderr, or any file the run wrote
        var written = Directory.EnumerateFiles(temp.File("out"), "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(written);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
            Assert.All(written, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        string Secret(string value)
        {
            secrets.Add(value);
            return value;
        }
    }

    [Fact]
    public void Should_measure_membership_inference_and_record_the_inspection_on_a_reference_model()
    {
        // Given german_lr with its training and test splits
        var card = new ModelCard("german", "german_lr");
        using var temp = new TempFolder();
        var policy = temp.Write("security.yaml", Policy);
        string[] features = card.TensorColumns is { } columns ? ["--features", string.Join(",", columns)] : [];

        // When certify runs with --train
        var result = CliRunner.Run([
            "certify", "--model", card.ModelPath, "--data", card.TestCsv, "--train", SharedData.Require("datasets/german/train.csv"),
            "--label", "credit_risk", "--positive", "1", "--policy", policy, "--replicates", "50", "--out", temp.File("out"), .. features]);

        // Then the attack's AUC is measured on 500 training and 300 test rows, and the model section records the inspection
        Assert.True(result.ExitCode is 0 or 3 or 4, result.ToString());
        var membership = Check(temp, "membership");
        Assert.InRange(membership.GetProperty("value").GetDouble(), 0.3, 0.8);
        Assert.Equal(500, membership.GetProperty("details").GetProperty("members_sampled").GetInt32());
        Assert.Equal(300, membership.GetProperty("details").GetProperty("non_members_sampled").GetInt32());
        Assert.Equal("pass", Check(temp, "inspected").GetProperty("outcome").GetString());
        var model = Results(temp).GetProperty("model");
        Assert.True(model.GetProperty("ir_version").GetInt64() >= 3, "IR version recorded");
        Assert.True(model.GetProperty("node_count").GetInt64() > 0, "node count recorded");
        Assert.True(model.GetProperty("opsets").EnumerateObject().Any(), "opsets recorded");
        Assert.Equal(64, model.GetProperty("sha256").GetString()!.Length);
    }

    private static JsonElement Results(TempFolder temp) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.File("out"), "results.json"))).RootElement;

    private static JsonElement Check(TempFolder temp, string requirement) =>
        Results(temp).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("requirement").GetString() == requirement);

    private static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    /// <summary>A 16-digit number starting with 5 whose Luhn check is valid or not, written in groups of four.</summary>
    private static string Card(Random random, bool valid)
    {
        var body = "5" + Digits(random, 14);
        for (var check = 0; check < 10; check++)
        {
            var number = body + check;
            var sum = number.Reverse().Select((c, k) => k % 2 == 1 ? ((c - '0') * 2 % 10) + ((c - '0') * 2 / 10) : c - '0').Sum();
            if ((sum % 10 == 0) == valid)
            {
                return $"{number[..4]} {number[4..8]} {number[8..12]} {number[12..]}";
            }
        }

        throw new InvalidOperationException("unreachable: some check digit always fits");
    }

    /// <summary>A Dutch IBAN (bank code letters, ten digits) with correct check digits, or wrong ones.</summary>
    private static string Iban(Random random, bool valid)
    {
        var bban = string.Concat(Enumerable.Range(0, 4).Select(_ => (char)('A' + random.Next(26)))) + Digits(random, 10);
        var numeric = string.Concat((bban + "NL00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(System.Numerics.BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return $"NL{(valid ? check : (check % 97) + 1):00}{bban}";
    }
}
