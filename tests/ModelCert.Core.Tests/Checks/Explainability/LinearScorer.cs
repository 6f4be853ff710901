using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Tests.Checks.Explainability;

/// <summary>
/// A deterministic scoring function for explanation tests: score = intercept + sum of weight x value over numeric
/// features + a weight per category of each categorical feature, optionally through a nonlinearity. Its exact SHAP
/// values are known in closed form when it is linear; it counts its calls so tests can see shared computations.
/// </summary>
internal sealed class LinearScorer(
    IReadOnlyDictionary<string, double> weights,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? categories = null,
    double intercept = 0,
    Func<double, double>? link = null,
    Func<Frame, int, double>? extra = null) : IFrameScorer
{
    public IReadOnlyList<string> Features { get; } =
        [.. weights.Keys.Concat(categories?.Keys ?? []).Order(StringComparer.Ordinal)];

    public int Calls { get; private set; }

    public long RowsScored { get; private set; }

    public double[] Score(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Calls++;
        RowsScored += frame.RowCount;
        var scores = new double[frame.RowCount];
        for (var row = 0; row < frame.RowCount; row++)
        {
            scores[row] = Margin(frame, row);
            if (extra is not null)
            {
                scores[row] += extra(frame, row);
            }

            scores[row] = link is null ? scores[row] : link(scores[row]);
        }

        return scores;
    }

    /// <summary>The linear part for one row.</summary>
    public double Margin(Frame frame, int row)
    {
        var sum = intercept;
        foreach (var (name, weight) in weights)
        {
            sum += weight * Value(frame[name], row);
        }

        foreach (var (name, table) in categories ?? new Dictionary<string, IReadOnlyDictionary<string, double>>())
        {
            var column = (StringColumn)frame[name];
            sum += table.GetValueOrDefault(column.GetValue(row) ?? string.Empty);
        }

        return sum;
    }

    /// <summary>Feature <paramref name="name"/>'s term for one row (weight x value, or the category's weight).</summary>
    public double Term(Frame frame, string name, int row) =>
        weights.TryGetValue(name, out var weight)
            ? weight * Value(frame[name], row)
            : categories![name].GetValueOrDefault(((StringColumn)frame[name]).GetValue(row) ?? string.Empty);

    private static double Value(Column column, int row) => column switch
    {
        Float64Column c => c.Values[row],
        Int64Column c => c.Values[row],
        _ => throw new ArgumentException($"column {column.Name} is not numeric", nameof(column)),
    };
}
