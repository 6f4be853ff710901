using System.Diagnostics;
using System.Globalization;

using ModelCert.Tests;

using Xunit;

namespace ModelCert.Runtime.Tests;

/// <summary>
/// A quick check of the binding against scikit-learn's own predictions on the adult test split (the full parity suite
/// over every model lives in the CLI tests). The CSV files have no quotes, so a plain split on ',' reads them.
/// </summary>
public sealed class ReferenceParityTests
{
    private static readonly string[] XgbColumns = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    public sealed class Run
    {
        [Fact]
        public void Should_match_sklearn_for_adult_xgb_as_one_float_tensor()
        {
            // Given adult_xgb, the test split packed as [N,5] floats, and sklearn's predictions
            using var session = OnnxSession.Open(SharedData.Require("models/adult/adult_xgb.onnx"));
            var (header, rows) = ReadCsv("datasets/adult/test.csv");
            var features = Pack(header, rows, XgbColumns);

            // When the whole split is run at once
            var outputs = session.Run([InputTensor.Float32("float_input", features, rows.Count, XgbColumns.Length)]);

            // Then labels are equal and probabilities within 1e-5
            AssertMatchesSklearn("models/adult/adult_xgb.sklearn_test_predictions.csv", outputs[0].AsInt64(), outputs[1].AsFloat32());
        }

        [Fact]
        public void Should_match_sklearn_for_adult_lr_with_string_inputs()
        {
            // Given adult_lr, fed one [N,1] tensor per column (strings as strings, numbers as floats)
            using var session = OnnxSession.Open(SharedData.Require("models/adult/adult_lr.onnx"));
            var (header, rows) = ReadCsv("datasets/adult/test.csv");
            var mapping = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
                session.Metadata.CustomMetadata["onnx_input_to_csv_column"])!;
            var inputs = session.Inputs.Select(input =>
            {
                var column = Array.IndexOf(header, mapping[input.Name]);
                return input.ElementType == TensorElementType.String
                    ? InputTensor.Strings(input.Name, [.. rows.Select(r => r[column])], rows.Count, 1)
                    : InputTensor.Float32(input.Name, Pack(header, rows, [mapping[input.Name]]), rows.Count, 1);
            }).ToList();

            // When the whole split is run at once
            var outputs = session.Run(inputs, ["label", "probabilities"]);

            // Then labels are equal and probabilities within 1e-5
            AssertMatchesSklearn("models/adult/adult_lr.sklearn_test_predictions.csv", outputs[0].AsInt64(), outputs[1].AsFloat32());
        }

        [Fact]
        public void Should_give_the_same_answers_for_a_100k_row_batch()
        {
            // Given adult_xgb and the test split repeated to about 100k rows
            using var session = OnnxSession.Open(SharedData.Require("models/adult/adult_xgb.onnx"));
            var (header, rows) = ReadCsv("datasets/adult/test.csv");
            var once = Pack(header, rows, XgbColumns);
            const int Copies = 6;
            var tiled = new float[once.Length * Copies];
            for (var c = 0; c < Copies; c++)
            {
                once.CopyTo(tiled, c * once.Length);
            }

            var expected = session.Run([InputTensor.Float32("float_input", once, rows.Count, 5)])[1].AsFloat32();

            // When the large batch is run in one call
            var clock = Stopwatch.StartNew();
            var outputs = session.Run([InputTensor.Float32("float_input", tiled, rows.Count * Copies, 5)]);
            clock.Stop();

            // Then every copy gets the answers of the single split
            var probabilities = outputs[1].AsFloat32();
            for (var c = 0; c < Copies; c++)
            {
                Assert.True(
                    probabilities.AsSpan(c * expected.Length, expected.Length).SequenceEqual(expected),
                    $"copy {c} of the split was scored differently");
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"adult_xgb: {rows.Count * Copies} rows in {clock.Elapsed.TotalMilliseconds:F0} ms ({rows.Count * Copies / clock.Elapsed.TotalSeconds:N0} rows/s)");
        }
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string relative)
    {
        var lines = File.ReadAllLines(SharedData.Require(relative)).Where(l => l.Length > 0).ToList();
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    private static float[] Pack(string[] header, List<string[]> rows, string[] columns)
    {
        var indexes = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        Assert.DoesNotContain(-1, indexes);
        var values = new float[rows.Count * columns.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                values[(i * columns.Length) + j] = float.Parse(rows[i][indexes[j]], CultureInfo.InvariantCulture);
            }
        }

        return values;
    }

    private static void AssertMatchesSklearn(string predictionsFile, long[] labels, float[] probabilities)
    {
        var (header, expected) = ReadCsv(predictionsFile);
        var label = Array.IndexOf(header, "label");
        var proba = Array.IndexOf(header, "proba");
        Assert.Equal(expected.Count, labels.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(labels[i] == long.Parse(expected[i][label], CultureInfo.InvariantCulture), $"row {i}: label {labels[i]}, sklearn {expected[i][label]}");
            var difference = Math.Abs(probabilities[(2 * i) + 1] - double.Parse(expected[i][proba], CultureInfo.InvariantCulture));
            worst = Math.Max(worst, difference);
        }

        Assert.True(worst <= 1e-5, $"largest |p - sklearn p| is {worst:E2}, more than 1e-5");
    }
}
