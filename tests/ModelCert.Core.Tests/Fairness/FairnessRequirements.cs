using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Tests.Fairness;

/// <summary>Requirements and evaluations for the fairness tests: block on fail, review when uncertain, 95%.</summary>
internal static class FairnessRequirements
{
    public static Requirement AtMost(string check, double max, RequirementParameters? parameters = null, int minSample = 1) =>
        new(
            Id: "FAIR-1",
            Title: "fairness",
            Check: check,
            Parameters: parameters ?? new RequirementParameters(),
            Threshold: new Threshold(null, max),
            Confidence: 0.95,
            OnFail: FailAction.Block,
            OnUncertain: UncertainAction.Review,
            MinSample: minSample,
            References: [],
            Rationale: null,
            Remediation: null,
            Source: null);

    /// <summary>
    /// Groups of rows given as (group, truth, predicted, count) blocks, under one attribute 'sex' with groups F and M.
    /// </summary>
    public static EvaluationData Data(DefinitionProfile profile, params (int Group, bool Truth, bool Predicted, int Count)[] blocks) =>
        Data(profile, new Dictionary<string, string>(), blocks);

    /// <summary>As above, with the submission's privileged group per attribute.</summary>
    public static EvaluationData Data(
        DefinitionProfile profile, IReadOnlyDictionary<string, string> privileged, params (int Group, bool Truth, bool Predicted, int Count)[] blocks)
    {
        var rows = blocks.SelectMany(b => Enumerable.Repeat(b, b.Count)).ToList();
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = new Frame([new Float64Column("score", new double[rows.Count])], rows.Count),
            Truth = [.. rows.Select(r => r.Truth)],
            Predicted = [.. rows.Select(r => r.Predicted)],
            Attributes = [new ProtectedAttribute("sex", [.. rows.Select(r => r.Group)], ["F", "M"])],
            Profile = profile,
            Privileged = privileged,
            Bootstrap = new BootstrapOptions { Replicates = 300, Seed = 1 },
        };
    }
}
