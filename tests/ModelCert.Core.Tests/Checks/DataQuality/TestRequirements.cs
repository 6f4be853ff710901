using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Tests.Checks.DataQuality;

/// <summary>Requirements and evaluation data for the data-quality tests: block on fail, review when uncertain, 95%.</summary>
internal static class TestRequirements
{
    public static Requirement AtLeast(string check, double min, RequirementParameters? parameters = null, int minSample = 1) =>
        Make(check, new Threshold(min, null), parameters, minSample);

    public static Requirement AtMost(string check, double max, RequirementParameters? parameters = null, int minSample = 1) =>
        Make(check, new Threshold(null, max), parameters, minSample);

    public static EvaluationData Data(
        Frame test,
        Frame? train = null,
        IReadOnlyList<string>? features = null,
        IReadOnlyList<ProtectedAttribute>? attributes = null,
        bool[]? truth = null,
        string? label = null) =>
        new()
        {
            Task = ModelTask.BinaryClassification,
            Test = test,
            TestOrigin = "test.csv",
            Train = train,
            FeatureColumns = features ?? [],
            Attributes = attributes ?? [],
            Truth = truth,
            LabelColumn = label,
            ModelRunnable = true,
        };

    private static Requirement Make(string check, Threshold threshold, RequirementParameters? parameters, int minSample) =>
        new(
            Id: "DQ-1",
            Title: "data quality",
            Check: check,
            Parameters: parameters ?? new RequirementParameters(),
            Threshold: threshold,
            Confidence: 0.95,
            OnFail: FailAction.Block,
            OnUncertain: UncertainAction.Review,
            MinSample: minSample,
            References: [],
            Rationale: null,
            Remediation: "fix the data",
            Source: "test policy v1");
}
