using BenchmarkDotNet.Attributes;
using ModelCert.Core.Checks.Explainability;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Benchmarks;

/// <summary>
/// Wall time of each explainability check on adult_lr over the first 10,000 rows of adult's test split (sex and race
/// protected), through ONNX Runtime. Each invocation gets a fresh evaluation, so nothing is reused from the cache
/// between invocations. Default parameters, except that permutation importance uses all 10,000 rows. On a busy
/// machine use bench/explainability-checks.sh instead, which also reports CPU time. Run: <c>dotnet run -c Release --project bench/ModelCert.Benchmarks -- --filter '*Explainability*'</c>.
/// </summary>
public class ExplainabilityBenchmarks
{
    private const int Rows = 10_000;

    private OnnxSession _session = null!;
    private ModelScorer _scorer = null!;
    private Frame _frame = null!;
    private IReadOnlyList<string> _features = null!;
    private double[] _scores = null!;
    private bool[] _truth = null!;
    private List<ProtectedAttribute> _attributes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var csv = BenchData.Shared("datasets/adult/test.csv");
        _frame = Head(DatasetReader.ReadAll(csv), Rows);
        _session = OnnxSession.Open(BenchData.Shared("models/adult/adult_lr.onnx"));
        var bindings = InputMapper.Resolve(_session.Inputs, _frame.Schema, new InputMappingOptions { DataOrigin = csv }, "adult_lr");
        _scorer = new ModelScorer(_session, bindings, csv);
        _features = [.. bindings.SelectMany(b => b.Columns)];
        _scores = new Scorer(_scorer, _features).Score(_frame);
        var income = (StringColumn)_frame["income"];
        _truth = [.. Enumerable.Range(0, Rows).Select(r => income.GetValue(r) == ">50K")];
        _attributes = [.. new[] { "sex", "race" }.Select(name =>
        {
            var column = (StringColumn)_frame[name];
            return new ProtectedAttribute(name, [.. column.Codes], [.. column.Dictionary.Values]);
        })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scorer.Dispose();
        _session.Dispose();
    }

    [Benchmark]
    public double? PermutationImportance() => Run(new PermutationImportanceCheck(), ("sample", Rows));

    [Benchmark]
    public double? KernelShap() => Run(new KernelShapCheck());

    [Benchmark]
    public double? AdverseActionStability() => Run(new AdverseActionStabilityCheck());

    [Benchmark]
    public double? ProtectedTopDriversShap() => Run(new ProtectedTopDriversCheck());

    [Benchmark]
    public double? ProtectedTopDriversPermutation() => Run(new ProtectedTopDriversCheck(), ("method", "permutation"), ("sample", Rows));

    [Benchmark]
    public double? ProxyStrengthAuc() => Run(new ProxyStrengthCheck());

    [Benchmark]
    public double? ProxyStrengthNmi() => Run(new ProxyStrengthCheck(), ("measure", "nmi"));

    private double? Run(ICheck check, params (string Name, object Value)[] parameters)
    {
        var data = new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = _frame,
            LabelColumn = "income",
            Truth = _truth,
            Scores = _scores,
            Predicted = [.. _scores.Select(s => s > 0.5)],
            Attributes = _attributes,
            FeatureColumns = _features,
            ModelRunnable = true,
            Model = new Scorer(_scorer, _features),
        };
        var requirement = new Requirement(
            "bench", "bench", check.Id, new RequirementParameters { Values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal) },
            new Threshold(null, 1), 0.95, FailAction.Warn, UncertainAction.Review, 1, [], null, null, null);
        var results = check.Evaluate(data, requirement);
        return results.Count > 0 && results[0].Outcome != Outcome.Error ? results[0].Value : throw new InvalidOperationException(results[0].Message);
    }

    private static Frame Head(Frame frame, int rows)
    {
        var n = Math.Min(rows, frame.RowCount);
        var columns = frame.Columns.Select(c => c switch
        {
            Float64Column f => (Column)new Float64Column(f.Name, f.Values[..n], Head(f.Validity, n)),
            Int64Column i => new Int64Column(i.Name, i.Values[..n], Head(i.Validity, n)),
            BooleanColumn b => new BooleanColumn(b.Name, b.Values[..n], Head(b.Validity, n)),
            StringColumn s => new StringColumn(s.Name, s.Codes[..n], s.Dictionary, Head(s.Validity, n)),
            _ => throw new InvalidOperationException($"column {c.Name}: unexpected kind {c.Kind}"),
        }).ToList();
        return new Frame(columns, n);
    }

    private static Validity Head(Validity validity, int rows) => new(validity.Bits?[..((rows + 63) >> 6)]);

    /// <summary>The model as checks see it (the CLI has its own; this one is for the benchmark only).</summary>
    private sealed class Scorer(ModelScorer scorer, IReadOnlyList<string> features) : IFrameScorer
    {
        public IReadOnlyList<string> Features { get; } = features;

        public double[] Score(Frame frame)
        {
            var scores = new double[frame.RowCount];
            foreach (var batch in scorer.Score(frame, 0))
            {
                Array.Copy(batch.Scores, 0, scores, batch.FirstRow, batch.Count);
            }

            return scores;
        }
    }
}
