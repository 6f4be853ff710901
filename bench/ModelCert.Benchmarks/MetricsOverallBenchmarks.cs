using BenchmarkDotNet.Attributes;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;
using ModelCert.Core.Results;

namespace ModelCert.Benchmarks;

/// <summary>
/// Overall metrics on synthetic in-memory columns (PEERS.md: scikit-learn's 8 overall metrics incl. ROC AUC, log loss,
/// Brier and ECE). "kernels" is the 8 metrics from the kernels directly (baseline) and each score kernel alone, so
/// Ratio is its share; "suite" is what certify runs, <see cref="MetricSuite.PerformanceSection"/>, without intervals
/// (baseline) and with 1000 bootstrap replicates for every metric.
/// </summary>
[Config(typeof(MetricsConfig))]
public class MetricsOverallBenchmarks
{
    private const int Replicates = 1000;
    private MetricsData _data = null!;
    private int[] _oneGroup = null!;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = MetricsData.Get(Rows);
        _oneGroup = new int[Rows];
    }

    /// <summary>Accuracy, precision, recall, F1, selection rate from the confusion cells, then ROC AUC, log loss, Brier, ECE.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("kernels")]
    public double OverallMetrics()
    {
        var counts = GroupCounter.Group(GroupCounter.Count(_data.Truth, _data.Predicted, _oneGroup, 1), 0);
        return (counts.Accuracy ?? 0) + (counts.Precision ?? 0) + (counts.Tpr ?? 0) + (counts.F1 ?? 0) + (counts.SelectionRate ?? 0)
            + (ScoreMetrics.RocAuc(_data.Scores, _data.Truth) ?? 0)
            + ScoreMetrics.LogLoss(_data.Scores, _data.Truth)
            + ScoreMetrics.Brier(_data.Scores, _data.Truth)
            + ScoreMetrics.Ece(_data.Scores, _data.Truth, MetricSuite.EceBins);
    }

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public long ConfusionCells() => GroupCounter.Count(_data.Truth, _data.Predicted, _oneGroup, 1)[3];

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public double? RocAuc() => ScoreMetrics.RocAuc(_data.Scores, _data.Truth);

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public double LogLoss() => ScoreMetrics.LogLoss(_data.Scores, _data.Truth);

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public double Brier() => ScoreMetrics.Brier(_data.Scores, _data.Truth);

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public double Ece() => ScoreMetrics.Ece(_data.Scores, _data.Truth, MetricSuite.EceBins);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("suite")]
    public PerformanceSection PerformanceSection() => new MetricSuite(_data.Evaluation(replicates: 0)).PerformanceSection();

    [Benchmark]
    [BenchmarkCategory("suite")]
    public PerformanceSection PerformanceSectionWithIntervals() => new MetricSuite(_data.Evaluation(Replicates)).PerformanceSection();
}
