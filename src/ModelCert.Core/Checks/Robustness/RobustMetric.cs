using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// One metric of the <c>metric</c> parameter, computed on any subset of rows (a bootstrap resample is a list of row
/// indices, repeats allowed). A drop is always "how much worse": clean minus changed for accuracy, F1, recall,
/// precision and ROC AUC; changed minus clean for the errors MAE and RMSE.
/// </summary>
internal sealed class RobustMetric
{
    private static readonly string[] ClassificationMetrics = ["accuracy", "f1", "recall", "precision", "roc_auc"];
    private static readonly string[] RegressionMetrics = ["mae", "rmse"];

    private RobustMetric(string name, bool[]? truth, double[]? target, double threshold)
    {
        Name = name;
        Truth = truth;
        Target = target;
        Threshold = threshold;
    }

    public string Name { get; }

    public bool[]? Truth { get; }

    public double[]? Target { get; }

    public double Threshold { get; }

    public bool HigherIsBetter => Name is not ("mae" or "rmse");

    /// <summary>A confusion-cell metric, whose bootstrap can resample cells instead of rows.</summary>
    public bool FromCells => Name is "accuracy" or "f1" or "recall" or "precision";

    /// <summary>The requirement's metric (default accuracy, or MAE for regression) with the labels it needs, or a problem.</summary>
    public static RobustMetric? For(EvaluationData data, string chosen, bool[]? truth, double[]? target, out string? problem)
    {
        problem = null;
        if (data.Task == ModelTask.BinaryClassification)
        {
            if (!ClassificationMetrics.Contains(chosen, StringComparer.Ordinal))
            {
                problem = $"metric '{chosen}' is a regression metric, but the task is binary classification; choose one of {string.Join(", ", ClassificationMetrics)}";
                return null;
            }

            if (truth is null)
            {
                problem = "no labels: the submission names no label column, so the metric cannot be computed";
                return null;
            }

            return new RobustMetric(chosen, truth, null, data.Threshold);
        }

        if (!RegressionMetrics.Contains(chosen, StringComparer.Ordinal))
        {
            problem = $"metric '{chosen}' is a classification metric, but the task is regression; choose one of {string.Join(", ", RegressionMetrics)}";
            return null;
        }

        if (target is null)
        {
            problem = "no labels: the submission names no target column, so the metric cannot be computed";
            return null;
        }

        return new RobustMetric(chosen, null, target, data.Threshold);
    }

    public static string DefaultFor(EvaluationData data) => data.Task == ModelTask.Regression ? "mae" : "accuracy";

    /// <summary>
    /// The metric over the rows whose labels are at <paramref name="labelRows"/> and whose scores are at the same
    /// positions of <paramref name="scoreRows"/>; null when undefined.
    /// </summary>
    public double? Compute(double[] scores, IReadOnlyList<int> labelRows, IReadOnlyList<int> scoreRows)
    {
        if (Truth is { } truth)
        {
            if (Name == "roc_auc")
            {
                var picked = new double[labelRows.Count];
                var labels = new bool[labelRows.Count];
                for (var i = 0; i < picked.Length; i++)
                {
                    picked[i] = scores[scoreRows[i]];
                    labels[i] = truth[labelRows[i]];
                }

                return ScoreMetrics.RocAuc(picked, labels);
            }

            var cells = new long[4];
            for (var i = 0; i < labelRows.Count; i++)
            {
                cells[ConfusionCounts.Cell(truth[labelRows[i]], scores[scoreRows[i]] > Threshold)]++;
            }

            return FromConfusion(ConfusionCounts.FromCells(cells));
        }

        var target = Target!;
        double sum = 0;
        var n = 0;
        for (var i = 0; i < labelRows.Count; i++)
        {
            var error = scores[scoreRows[i]] - target[labelRows[i]];
            if (double.IsNaN(error))
            {
                continue;
            }

            sum += Name == "mae" ? Math.Abs(error) : error * error;
            n++;
        }

        return n == 0 ? null : Name == "mae" ? sum / n : Math.Sqrt(sum / n);
    }

    public double? FromConfusion(ConfusionCounts counts) => Name switch
    {
        "accuracy" => counts.Accuracy,
        "f1" => counts.F1,
        "recall" => counts.Tpr,
        "precision" => counts.Precision,
        _ => throw new InvalidOperationException($"metric '{Name}' is not a confusion-cell metric"),
    };

    /// <summary>How much worse <paramref name="changed"/> is than <paramref name="clean"/>; null when either is undefined.</summary>
    public double? Drop(double? clean, double? changed) =>
        clean is { } a && changed is { } b ? (HigherIsBetter ? a - b : b - a) : null;
}
