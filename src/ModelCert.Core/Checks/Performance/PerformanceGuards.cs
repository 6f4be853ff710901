using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Performance;

internal static class PerformanceGuards
{
    /// <summary>A skipped result when a classification metric cannot apply, else null.</summary>
    public static CheckResult? Classification(EvaluationData data, Requirement requirement) =>
        data.Task != ModelTask.BinaryClassification ? CheckResults.Skipped(requirement, "applies to classifiers only")
        : data.Truth is null ? CheckResults.Skipped(requirement, "needs a label column (--label)")
        : data.Predicted is null ? CheckResults.Skipped(requirement, "needs decisions (scores and a threshold, or predictions)")
        : data.Rows == 0 ? CheckResults.Error(requirement, "the evaluation data has no rows")
        : null;
}
