using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Tests.Checks.Robustness;

/// <summary>Seeded synthetic evaluations for the robustness tests, scored by a <see cref="FormulaModel"/>.</summary>
internal static class RobustnessData
{
    /// <summary>x uniform on a grid in (0, 1), z noise the model ignores, g a group A/B; label = x > 0.5 with every tenth row flipped.</summary>
    public static Frame Grid(int rows)
    {
        var random = new SeededRandom(7);
        var x = Enumerable.Range(0, rows).Select(i => (i + 0.5) / rows).ToArray();
        var z = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        var dictionary = new StringDictionary();
        var g = Enumerable.Range(0, rows).Select(i => dictionary.GetOrAdd(i % 3 == 0 ? "A" : "B")).ToArray();
        return new Frame([new Float64Column("x", x), new Float64Column("z", z), new StringColumn("g", g, dictionary)], rows);
    }

    public static EvaluationData Evaluate(Frame test, FormulaModel model, IReadOnlyList<ProtectedAttribute>? attributes = null, bool[]? truth = null, ulong seed = 11)
    {
        var scores = model.Score(test);
        truth ??= [.. Enumerable.Range(0, test.RowCount).Select(i => (FormulaModel.Number(test, "x", i) > 0.5) ^ (i % 10 == 0))];
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = test,
            TestOrigin = "test.csv",
            Truth = truth,
            Scores = scores,
            Predicted = [.. scores.Select(s => s > 0.5)],
            FeatureColumns = model.Features,
            Attributes = attributes ?? [],
            Model = model,
            ModelRunnable = true,
            Bootstrap = new BootstrapOptions { Replicates = 200, Seed = seed },
        };
    }

    /// <summary>The g column as a protected attribute.</summary>
    public static ProtectedAttribute Group(Frame frame)
    {
        var column = (StringColumn)frame["g"];
        return new ProtectedAttribute("g", column.Codes, column.Dictionary.Values);
    }

    public static Requirement AtMost(string check, double max, params (string Name, object Value)[] parameters) =>
        new(
            Id: "ROB-1",
            Title: "robustness",
            Check: check,
            Parameters: new RequirementParameters { Values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal) },
            Threshold: new Threshold(null, max),
            Confidence: 0.95,
            OnFail: FailAction.Block,
            OnUncertain: UncertainAction.Review,
            MinSample: 1,
            References: [],
            Rationale: null,
            Remediation: "make the model robust",
            Source: "test policy v1");

    public static Dictionary<string, object?> Entry(object? item) => (Dictionary<string, object?>)item!;

    public static List<Dictionary<string, object?>> Entries(CheckResult result, string key) =>
        [.. Expect.Detail<List<Dictionary<string, object?>>>(result, key, key)];
}
