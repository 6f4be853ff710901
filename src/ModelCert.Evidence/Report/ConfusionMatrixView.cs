using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// A confusion matrix as a 2x2 heat map: rows are the actual class, columns the predicted one; each cell shows its
/// count and its share of all rows, shaded by share (correct cells blue, errors orange). With
/// <c>favourableAxes</c> the classes are named favourable and unfavourable: the cells of a fairness group
/// when the negative class is the favourable outcome (TP = a favourable decision on a row with a favourable label).
/// </summary>
internal static class ConfusionMatrixView
{
    public static string Render(string title, ConfusionMatrix matrix, double size = 240, bool favourableAxes = false)
    {
        var (no, yes) = favourableAxes ? ("unfavourable", "favourable") : ("negative", "positive");
        var (shortNo, shortYes) = favourableAxes ? ("pred. unfav.", "pred. fav.") : ("pred. −", "pred. +");
        var total = matrix.Tn + matrix.Fp + matrix.Fn + matrix.Tp;
        var chart = new SvgChart(size + 76, size + 52, $"Confusion matrix: {title}", $"Actual against predicted class for {title}: TN {matrix.Tn}, FP {matrix.Fp}, FN {matrix.Fn}, TP {matrix.Tp}.", (70, 36, 6, 16));
        var cell = (chart.Right - chart.Left) / 2;
        (string Name, long Count, int Row, int Column, bool Correct)[] cells =
        [
            ("TN", matrix.Tn, 0, 0, true), ("FP", matrix.Fp, 0, 1, false),
            ("FN", matrix.Fn, 1, 0, false), ("TP", matrix.Tp, 1, 1, true),
        ];
        foreach (var (name, count, row, column, correct) in cells)
        {
            var share = total == 0 ? 0 : (double)count / total;
            var (x, y) = (chart.Left + (column * cell), chart.Top + (row * cell));
            chart.Rect(x, y, cell, cell, correct ? "cell correct" : "cell error", $"{name} {Html.Count(count)}", $"fill-opacity:{Html.Coordinate(0.12 + (0.78 * Math.Sqrt(share)))}")
                .Text(x + (cell / 2), y + (cell / 2) - 2, Html.Count(count), share > 0.3 ? "cell-count strong" : "cell-count", "middle")
                .Text(x + (cell / 2), y + (cell / 2) + 16, $"{name} · {Html.Percent(share)}", share > 0.3 ? "cell-name strong" : "cell-name", "middle");
        }

        var compact = size < 200;
        return chart.Text(chart.Left + (cell / 2), chart.Top - 8, compact ? shortNo : $"predicted {no}", "tick", "middle")
            .Text(chart.Left + (cell * 1.5), chart.Top - 8, compact ? shortYes : $"predicted {yes}", "tick", "middle")
            .Text(chart.Left - 8, chart.Top + (cell / 2), "actual", "tick", "end")
            .Text(chart.Left - 8, chart.Top + (cell / 2) + 14, no, "tick", "end")
            .Text(chart.Left - 8, chart.Top + (cell * 1.5), "actual", "tick", "end")
            .Text(chart.Left - 8, chart.Top + (cell * 1.5) + 14, yes, "tick", "end")
            .ToString();
    }
}
