using System.Globalization;
using System.Text.Json;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>The shared reference models: card, model file, test split and scikit-learn's own predictions.</summary>
internal sealed record ModelCard(string Dataset, string Model)
{
    public static TheoryData<string, string> All => new()
    {
        { "adult", "adult_lr" },
        { "adult", "adult_xgb" },
        { "bank", "bank_gb" },
        { "bank", "bank_xgb" },
        { "compas", "compas_rf" },
        { "german", "german_lr" },
    };

    public string ModelPath => SharedData.Require($"models/{Dataset}/{Model}.onnx");

    public string TestCsv => SharedData.Require($"datasets/{Dataset}/test.csv");

    /// <summary>The ordered columns of a single-tensor model, or null for a model with one input per column.</summary>
    public IReadOnlyList<string>? TensorColumns
    {
        get
        {
            using var card = JsonDocument.Parse(File.ReadAllText(SharedData.Require($"models/{Dataset}/{Model}.model.json")));
            return card.RootElement.TryGetProperty("float_tensor_columns", out var columns)
                ? [.. columns.EnumerateArray().Select(c => c.GetString()!)]
                : null;
        }
    }

    /// <summary>scikit-learn's predict() and predict_proba()[:,1], in test.csv order.</summary>
    public (long[] Labels, double[] Probabilities) Expected()
    {
        var lines = File.ReadAllLines(SharedData.Require($"models/{Dataset}/{Model}.sklearn_test_predictions.csv"));
        var header = lines[0].Split(',');
        var label = Array.IndexOf(header, "label");
        var proba = Array.IndexOf(header, "proba");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        return (
            [.. rows.Select(r => long.Parse(r[label], CultureInfo.InvariantCulture))],
            [.. rows.Select(r => double.Parse(r[proba], CultureInfo.InvariantCulture))]);
    }
}
