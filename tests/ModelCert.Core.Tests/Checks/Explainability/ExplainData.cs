using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Tests.Checks.Explainability;

/// <summary>Seeded synthetic data and requirements for the explainability tests.</summary>
internal static class ExplainData
{
    /// <summary>Columns x0..x{numeric-1} standard normal, c0..c{categorical-1} over {a, b, c}, seeded.</summary>
    public static Frame Frame(int rows, int numeric, int categorical, ulong seed = 7)
    {
        var random = new SeededRandom(seed);
        var columns = new List<Column>();
        for (var j = 0; j < numeric; j++)
        {
            columns.Add(new Float64Column($"x{j}", [.. Enumerable.Range(0, rows).Select(_ => Gaussian(random))]));
        }

        for (var j = 0; j < categorical; j++)
        {
            var dictionary = new StringDictionary();
            var codes = Enumerable.Range(0, rows).Select(_ => dictionary.GetOrAdd(((char)('a' + random.NextInt(3))).ToString())).ToArray();
            columns.Add(new StringColumn($"c{j}", codes, dictionary));
        }

        return new Frame(columns, rows);
    }

    public static Frame With(Frame frame, Column column) => new([.. frame.Columns, column], frame.RowCount);

    public static EvaluationData Data(
        Frame test, IFrameScorer? model, bool[]? truth = null, IReadOnlyList<ProtectedAttribute>? attributes = null, IReadOnlyList<string>? proxies = null)
    {
        var scores = model?.Score(test);
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = test,
            TestOrigin = "test.csv",
            FeatureColumns = model?.Features ?? [],
            ModelRunnable = model is not null,
            Model = model,
            Scores = scores,
            Predicted = scores?.Select(s => s > 0.5).ToArray(),
            Truth = truth,
            LabelColumn = truth is null ? null : "y",
            Attributes = attributes ?? [],
            Proxies = proxies ?? [],
            Bootstrap = new BootstrapOptions { Replicates = 200 },
        };
    }

    /// <summary>A protected attribute from a string column of the frame.</summary>
    public static ProtectedAttribute Attribute(Frame frame, string name)
    {
        var column = (StringColumn)frame[name];
        return new ProtectedAttribute(name, [.. column.Codes], column.Dictionary.Values.ToList());
    }

    public static Requirement AtMost(string check, double max, params (string Name, object Value)[] parameters) =>
        Make(check, new Threshold(null, max), parameters);

    public static Requirement AtLeast(string check, double min, params (string Name, object Value)[] parameters) =>
        Make(check, new Threshold(min, null), parameters);

    public static double Gaussian(SeededRandom random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    private static Requirement Make(string check, Threshold threshold, (string Name, object Value)[] parameters) =>
        new(
            Id: "XAI-1",
            Title: "explainability",
            Check: check,
            Parameters: new RequirementParameters { Values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal) },
            Threshold: threshold,
            Confidence: 0.95,
            OnFail: FailAction.Block,
            OnUncertain: UncertainAction.Review,
            MinSample: 1,
            References: [],
            Rationale: null,
            Remediation: "explain the model",
            Source: "test policy v1");
}
