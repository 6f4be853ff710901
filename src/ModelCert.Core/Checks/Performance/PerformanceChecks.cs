using ModelCert.Core.Evaluation;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Performance;

/// <summary>The performance check family.</summary>
public static class PerformanceChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ClassificationMetricCheck("performance.accuracy", c => c.Accuracy, "no rows"),
        new ClassificationMetricCheck("performance.precision", c => c.Precision, "the model predicts no positives, so precision is 0/0"),
        new ClassificationMetricCheck("performance.recall", c => c.Tpr, "the data has no positive labels, so recall is 0/0"),
        new ClassificationMetricCheck("performance.f1", c => c.F1, "no positive labels and no positive predictions, so F1 is 0/0"),
        new ScoreMetricCheck("performance.roc-auc", ScoreMetricKind.RocAuc),
        new ScoreMetricCheck("performance.log-loss", ScoreMetricKind.LogLoss),
        new ScoreMetricCheck("performance.brier", ScoreMetricKind.Brier),
        new ScoreMetricCheck("performance.ece", ScoreMetricKind.Ece),
        new RegressionMetricCheck("performance.mae", RegressionMetricKind.Mae),
        new RegressionMetricCheck("performance.rmse", RegressionMetricKind.Rmse),
        new RegressionMetricCheck("performance.r2", RegressionMetricKind.R2),
    ];
}
