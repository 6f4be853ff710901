using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Tests.Checks.Robustness;

/// <summary>
/// A small model written as a formula over a frame's columns: it scores any changed frame, as the ONNX scorer does,
/// and rejects a missing value in the columns listed as not taking missing values with an <see cref="InputException"/>.
/// </summary>
internal sealed class FormulaModel(IReadOnlyList<string> features, Func<Frame, int, double> score, IReadOnlyList<string>? rejectsMissing = null, bool concurrent = false)
    : IFrameScorer
{
    public IReadOnlyList<string> Features { get; } = features;

    public double[] Score(Frame frame)
    {
        foreach (var name in rejectsMissing ?? [])
        {
            var column = frame[name];
            for (var row = 0; row < frame.RowCount; row++)
            {
                if (!column.IsValid(row))
                {
                    throw new InputException($"row {row + 1}, column '{name}': value is missing, but the model cannot take missing values");
                }
            }
        }

        return [.. Enumerable.Range(0, frame.RowCount).Select(row => score(frame, row))];
    }

    public IFrameScorer? CreateCaller() => concurrent ? new FormulaModel(Features, score, rejectsMissing, concurrent) : null;

    public static double Number(Frame frame, string name, int row) => frame[name] switch
    {
        _ when !frame[name].IsValid(row) => double.NaN,
        Float64Column c => c.Values[row],
        Int64Column c => c.Values[row],
        _ => throw new ArgumentException($"column {name} is not numeric"),
    };

    public static string? Text(Frame frame, string name, int row) => frame[name].FormatValue(row);
}
