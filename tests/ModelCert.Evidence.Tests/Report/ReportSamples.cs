using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Tests.Report;

/// <summary>
/// A complete results document whose every user-supplied text (model, groups, attributes, messages, clauses, detail
/// keys and values, paths, policies) is <c>text</c>, with robustness, explainability and remediation details.
/// </summary>
internal static class ReportSamples
{
    public const string Hostile = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>&'=cmd";

    public static ResultsDocument Document(string text = "plain")
    {
        var groups = new SortedDictionary<string, GroupSection>(StringComparer.Ordinal)
        {
            [text + "-a"] = Group(600, 0.30, 0.62, 0.08),
            [text + "-b"] = Group(380, 0.12, 0.41, 0.03),
            [text + "-c"] = Group(20, 0.05, 0.5, 0.0),
        };
        var attribute = new AttributeSection { Groups = groups, DemographicParityRatio = 0.4, UndefinedRates = [text + "-c: precision"] };
        CheckResult[] checks =
        [
            new()
            {
                Id = "fairness.demographic-parity-ratio", Requirement = text + ".ratio", Title = text, Outcome = Outcome.Fail, Value = 0.4, Ci = [0.3, 0.5],
                Confidence = 0.95, Threshold = new Threshold(0.8, null), Attribute = text, SampleSize = 1000, Message = text + " message",
                Remediation = text + " remediation", References = [text + " clause 1", "=HYPERLINK(\"evil\")"], ThresholdSource = text + " 1.0.0",
                Details = new Dictionary<string, object?>
                {
                    ["groups"] = groups.ToDictionary(g => g.Key, g => g.Value.Count),
                    ["small_groups"] = new List<string> { text + "-c" },
                    ["remediation"] = new Dictionary<string, object?>
                    {
                        ["thresholds"] = new Dictionary<string, double> { [text + "-a"] = 0.55, [text + "-b"] = 0.41 },
                        ["accuracy_before"] = 0.85, ["accuracy_after"] = 0.83, ["note"] = text,
                    },
                },
            },
            new()
            {
                Id = "robustness.noise", Requirement = text + ".noise", Title = text, Outcome = Outcome.Review, Value = 0.81, Ci = [0.78, 0.84],
                Confidence = 0.95, Threshold = new Threshold(0.8, null), SampleSize = 1000, Message = text, Remediation = null,
                Details = new Dictionary<string, object?>
                {
                    ["curve"] = new List<Dictionary<string, object?>>
                    {
                        new() { ["x"] = 0.0, ["value"] = 0.85, ["ci_low"] = 0.83, ["ci_high"] = 0.87 },
                        new() { ["x"] = 0.1, ["value"] = 0.83, ["ci_low"] = 0.8, ["ci_high"] = 0.86 },
                        new() { ["x"] = 0.2, ["value"] = 0.81, ["ci_low"] = 0.78, ["ci_high"] = 0.84 },
                    },
                    ["curve_x"] = text + " noise scale",
                    ["curve_y"] = text + " accuracy",
                    ["slices"] = new List<Dictionary<string, object?>>
                    {
                        new() { ["slice"] = text + " slice", ["size"] = 120, ["error"] = 0.3, ["effect"] = 0.15, ["p_value"] = 0.001, ["q_value"] = 0.004 },
                    },
                    [text + " key"] = text + " value",
                },
            },
            new()
            {
                Id = "explainability.importance", Requirement = text + ".importance", Outcome = Outcome.Pass, Value = 0.2, Message = text,
                Details = new Dictionary<string, object?>
                {
                    ["importance"] = new List<Dictionary<string, object?>>
                    {
                        new() { ["feature"] = text + " feature", ["value"] = 0.2, ["ci_low"] = 0.15, ["ci_high"] = 0.25 },
                        new() { ["feature"] = "age", ["value"] = 0.05, ["ci_low"] = 0.01, ["ci_high"] = 0.09 },
                    },
                },
            },
        ];
        return new ResultsDocument
        {
            Verdict = "rejected",
            Tool = new ToolInfo(text, "0.1.0", "1.30.0", "v1.5.6"),
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Task = "binary_classification",
            Profile = "strict",
            Bootstrap = new BootstrapInfo(200, 0.95, 7, text, text),
            Threshold = 0.5,
            Model = new ModelInfo { Name = text + " model", Version = text, Path = "/home/someone/" + text + ".onnx", Sha256 = new string('a', 64), Bytes = 5197, Mode = "onnx", Producer = text, Inputs = [text] },
            Datasets = [new DatasetInfo("test", "/home/someone/" + text + ".csv", new string('b', 64), 100, 1000, new string('c', 64), [text])],
            ProtectedAttributes = [text],
            Policies = [new PolicyInfo(text, "1.0.0", "/home/someone/" + text + ".yaml", new string('d', 64))],
            Metrics = new MetricsSection(Performance(), new SortedDictionary<string, AttributeSection>(StringComparer.Ordinal) { [text] = attribute }),
            Checks = checks,
            Summary = OutcomeSummary.Of(checks),
        };
    }

    private static GroupSection Group(long count, double selection, double tpr, double fpr) => new()
    {
        Count = count,
        Share = count / 1000.0,
        SelectionRate = selection,
        Tpr = tpr,
        Fpr = fpr,
        Accuracy = 0.8,
        ConfusionMatrix = new ConfusionMatrix(count / 2, count / 10, count / 10, count - (count / 2) - (count / 5)),
        Ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal) { ["selection_rate"] = [selection * 0.8, selection * 1.2], ["tpr"] = [tpr - 0.05, tpr + 0.05] },
    };

    private static PerformanceSection Performance() => new()
    {
        N = 1000,
        Accuracy = 0.85,
        RocAuc = 0.9,
        Ece = 0.02,
        SelectionRate = 0.2,
        Recall = 0.6,
        ConfusionMatrix = new ConfusionMatrix(700, 60, 90, 150),
        Ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal) { ["accuracy"] = [0.83, 0.87], ["roc_auc"] = [0.88, 0.92] },
        Roc = new RocPoints([0, 0.05, 0.2, 0.5, 1], [0, 0.5, 0.8, 0.95, 1]),
        Reliability = [new ReliabilityBin(0, 0.5, 600, 0.2, 0.18), new ReliabilityBin(0.5, 1, 400, 0.7, 0.72)],
    };
}
