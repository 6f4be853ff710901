using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// Every kind of bad input to <c>score</c> ends with exit code 2, one line on stderr that names the thing,
/// no stack trace, and no output file.
/// </summary>
public sealed class ScoreBadInputTests
{
    private static string Xgb => SharedData.Require("models/adult/adult_xgb.onnx");

    private static string Lr => SharedData.Require("models/adult/adult_lr.onnx");

    private const string XgbFeatures = "age,education-num,capital-gain,capital-loss,hours-per-week";

    private const string NumericCsv =
        "age,education-num,capital-gain,capital-loss,hours-per-week\n39,13,2174,0,40\n50,13,0,0,13\n";

    public sealed class Score
    {
        [Fact]
        public void Should_name_a_missing_model_file()
        {
            using var temp = new TempFolder();
            var result = Run(temp, temp.File("nowhere.onnx"), temp.Write("d.csv", NumericCsv), "--features", XgbFeatures);
            AssertBadInput(result, temp, "nowhere.onnx", "does not exist");
        }

        [Fact]
        public void Should_name_a_file_that_is_not_onnx()
        {
            using var temp = new TempFolder();
            var model = temp.Write("notes.onnx", "this is not a model, just text\n");
            var result = Run(temp, model, temp.Write("d.csv", NumericCsv), "--features", XgbFeatures);
            AssertBadInput(result, temp, "notes.onnx", "not a valid ONNX model");
        }

        [Fact]
        public void Should_name_a_truncated_onnx_file()
        {
            using var temp = new TempFolder();
            var bytes = File.ReadAllBytes(Lr);
            var model = temp.File("truncated.onnx");
            File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
            var result = Run(temp, model, temp.Write("d.csv", NumericCsv));
            AssertBadInput(result, temp, "truncated.onnx", "not a valid ONNX model");
        }

        [Fact]
        public void Should_name_the_model_input_without_a_column_and_the_closest_columns()
        {
            // Given adult_lr (one input per column) and data whose 'workclass' column is misspelled
            using var temp = new TempFolder();
            var data = File.ReadAllText(SharedData.Require("datasets/adult/test.csv")).Replace("workclass", "work_klass", StringComparison.Ordinal);
            var result = Run(temp, Lr, temp.Write("renamed.csv", data));
            AssertBadInput(result, temp, "model input 'workclass' has no matching column", "closest: 'work_klass'");
        }

        [Fact]
        public void Should_name_the_column_whose_type_does_not_fit()
        {
            // Given a text column among the numeric features of adult_xgb
            using var temp = new TempFolder();
            var data = temp.Write("text.csv", "age,education-num,capital-gain,capital-loss,hours-per-week\n39,13,2174,0,40\nold,13,0,0,13\n");
            var result = Run(temp, Xgb, data, "--features", XgbFeatures);
            AssertBadInput(result, temp, "column 'age'", "'old'", "expects float", "line 3");
        }

        [Fact]
        public void Should_name_the_file_and_line_of_a_ragged_csv_row()
        {
            using var temp = new TempFolder();
            var data = temp.Write("ragged.csv", NumericCsv + "41,9,0,0\n" + "42,9,0,0,40\n");
            var result = Run(temp, Xgb, data, "--features", XgbFeatures);
            AssertBadInput(result, temp, "ragged.csv", "line 4");
        }

        [Fact]
        public void Should_refuse_an_empty_dataset()
        {
            using var temp = new TempFolder();
            var data = temp.Write("empty.csv", "age,education-num,capital-gain,capital-loss,hours-per-week\n");
            var result = Run(temp, Xgb, data, "--features", XgbFeatures);
            AssertBadInput(result, temp, "empty.csv", "no rows");
        }

        [Fact]
        public void Should_name_a_features_list_of_the_wrong_length()
        {
            using var temp = new TempFolder();
            var result = Run(temp, Xgb, temp.Write("d.csv", NumericCsv), "--features", "age,education-num,capital-gain,capital-loss");
            AssertBadInput(result, temp, "--features lists 4 columns", "'float_input' takes 5");
        }
    }

    private static CliResult Run(TempFolder temp, string model, string data, params string[] extra) =>
        CliRunner.Run(["score", "--model", model, "--data", data, "--out", temp.File("scores.csv"), .. extra]);

    private static void AssertBadInput(CliResult result, TempFolder temp, params string[] fragments)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2; {result}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr; {result}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.True(lines[0].Contains(fragment, StringComparison.Ordinal), $"stderr should mention \"{fragment}\"; {result}");
        }

        Assert.False(File.Exists(temp.File("scores.csv")), "no output file may be left behind");
        Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp"));
    }
}
