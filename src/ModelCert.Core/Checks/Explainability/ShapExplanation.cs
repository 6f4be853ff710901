namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Kernel SHAP attributions for a set of rows: <c>Values[r * M + j]</c> is feature j's contribution to row r's
/// score, and for each row they add up to <c>Outputs[r] - BaseValue</c>. <see cref="Rows"/> are the explained rows'
/// indices in the test data (the only thing about a row that results may show).
/// </summary>
internal sealed record ShapExplanation(IReadOnlyList<string> Features, double BaseValue, double[] Values, double[] Outputs, int[] Rows, bool Exact)
{
    public int Count => Rows.Length;

    public ReadOnlySpan<double> Row(int r) => Values.AsSpan(r * Features.Count, Features.Count);

    /// <summary>
    /// The principal reasons for a low score: the features with the most negative contributions (at most
    /// <paramref name="reasons"/>, only those below zero beyond rounding: 1e-9 of the row's total |SHAP|), strongest first.
    /// With <paramref name="raising"/> the reasons for a high score instead: the most positive contributions.
    /// </summary>
    public IReadOnlyList<string> Reasons(int r, int reasons, bool raising = false)
    {
        var row = Row(r).ToArray();
        var sign = raising ? -1.0 : 1.0;
        var rounding = 1e-9 * row.Sum(Math.Abs);
        return [.. Enumerable.Range(0, row.Length)
            .Where(j => sign * row[j] < -rounding)
            .OrderBy(j => sign * row[j])
            .ThenBy(j => j)
            .Take(reasons)
            .Select(j => Features[j])];
    }

    /// <summary>Mean |phi| per feature over the rows given (global importance).</summary>
    public double[] MeanAbsolute(IReadOnlyList<int> rows)
    {
        var m = Features.Count;
        var mean = new double[m];
        foreach (var r in rows)
        {
            var row = Row(r);
            for (var j = 0; j < m; j++)
            {
                mean[j] += Math.Abs(row[j]);
            }
        }

        for (var j = 0; j < m; j++)
        {
            mean[j] = rows.Count == 0 ? 0 : mean[j] / rows.Count;
        }

        return mean;
    }
}
