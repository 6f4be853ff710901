using BenchmarkDotNet.Attributes;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Results;
using ModelCert.Core.Statistics;

namespace ModelCert.Benchmarks;

/// <summary>
/// Group and intersectional metrics on synthetic in-memory columns (PEERS.md: Fairlearn's MetricFrame over sex x race
/// with demographic parity and equalized odds differences, and its 1000-replicate bootstrap of selection rate and TPR).
/// "kernels" calls GroupCounter, FairnessAggregator and CountBootstrap directly; "suite" is what certify runs,
/// <see cref="MetricSuite.FairnessSections"/>, which also reports every interval the results document carries.
/// Each category's baseline is the run without intervals, so Ratio is the cost of the intervals.
/// </summary>
[Config(typeof(MetricsConfig))]
public class MetricsFairnessBenchmarks
{
    private const int Replicates = 1000;
    private MetricsData _data = null!;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _data = MetricsData.Get(Rows);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("kernels")]
    public double GroupMetrics() => Measure(intervals: false);

    [Benchmark]
    [BenchmarkCategory("kernels")]
    public double GroupMetricsWithIntervals() => Measure(intervals: true);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("suite")]
    public SortedDictionary<string, AttributeSection> FairnessSections() =>
        new MetricSuite(_data.Evaluation(replicates: 0)).FairnessSections();

    [Benchmark]
    [BenchmarkCategory("suite")]
    public SortedDictionary<string, AttributeSection> FairnessSectionsWithIntervals() =>
        new MetricSuite(_data.Evaluation(Replicates)).FairnessSections();

    /// <summary>
    /// Per attribute (sex, race, sex|race): the confusion cells of every group, 7 metrics per group (count, selection
    /// rate, TPR, FPR, FNR, precision, accuracy), demographic parity and equalized odds differences; with intervals,
    /// also 1000 count-bootstrap replicates and the 95% intervals of each group's selection rate and TPR.
    /// </summary>
    private double Measure(bool intervals)
    {
        var checksum = 0.0;
        foreach (var attribute in _data.Attributes)
        {
            var groups = attribute.Groups.Count;
            var cells = GroupCounter.Count(_data.Truth, _data.Predicted, attribute.Codes, groups);
            var replicates = intervals ? CountBootstrap.Resample(cells, Replicates, MetricsData.Seed, AttributeCells.StreamOf(attribute.Name)) : null;
            for (var g = 0; g < groups; g++)
            {
                var counts = GroupCounter.Group(cells, g);
                checksum += counts.Count + (counts.SelectionRate ?? 0) + (counts.Tpr ?? 0) + (counts.Fpr ?? 0) + (counts.Fnr ?? 0)
                    + (counts.Precision ?? 0) + (counts.Accuracy ?? 0);
                if (replicates is not null)
                {
                    checksum += Width(replicates, cells, g, GroupRateKind.SelectionRate) + Width(replicates, cells, g, GroupRateKind.Tpr);
                }
            }

            var include = Enumerable.Repeat(true, groups).ToArray();
            checksum += FairnessAggregator.Compute(FairnessMetric.DemographicParityDifference, cells, include, DefinitionProfile.Strict) ?? 0;
            checksum += FairnessAggregator.Compute(FairnessMetric.EqualizedOddsDifference, cells, include, DefinitionProfile.Strict) ?? 0;
        }

        return checksum;
    }

    private static double Width(long[] replicates, long[] cells, int group, GroupRateKind kind)
    {
        var point = FairnessAggregator.Rate(kind, GroupCounter.Group(cells, group), DefinitionProfile.Strict);
        var interval = CountBootstrap.Interval(
            replicates, cells.Length, c => FairnessAggregator.Rate(kind, GroupCounter.Group(c, group), DefinitionProfile.Strict), point, 0.95);
        return interval is { } i ? i.High - i.Low : 0;
    }
}
