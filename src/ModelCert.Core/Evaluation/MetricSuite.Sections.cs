using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Results;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Evaluation;

public sealed partial class MetricSuite
{
    private const int RocPlotPoints = 200;

    /// <summary>results.json's <c>metrics.performance</c>, with intervals at the run's default confidence.</summary>
    public PerformanceSection PerformanceSection()
    {
        if (_data.Task == ModelTask.Regression)
        {
            return RegressionSection();
        }

        if (Overall is not { } counts)
        {
            return new PerformanceSection { N = _data.Rows };
        }

        var confidence = Bootstrap.Confidence;
        var ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        void Add(string name, (double Low, double High)? interval)
        {
            if (interval is { } i)
            {
                ci[name] = [i.Low, i.High];
            }
        }

        var labelled = _data.Truth is not null;
        if (labelled)
        {
            Add("accuracy", OverallInterval(c => c.Accuracy, confidence));
            Add("precision", OverallInterval(c => c.Precision, confidence));
            Add("recall", OverallInterval(c => c.Tpr, confidence));
            Add("f1", OverallInterval(c => c.F1, confidence));
        }

        Add("selection_rate", OverallInterval(c => c.SelectionRate, confidence));
        var score = Score;
        if (score is not null)
        {
            Add("roc_auc", ScoreInterval(ScoreMetricKind.RocAuc, confidence));
            Add("log_loss", ScoreInterval(ScoreMetricKind.LogLoss, confidence));
            Add("brier", ScoreInterval(ScoreMetricKind.Brier, confidence));
            Add("ece", ScoreInterval(ScoreMetricKind.Ece, confidence));
        }

        return new PerformanceSection
        {
            N = counts.Count,
            PositivesTrue = labelled ? counts.ActualPositives : null,
            PositivesPred = counts.PredictedPositives,
            BaseRate = labelled ? counts.BaseRate : null,
            SelectionRate = counts.SelectionRate,
            Accuracy = labelled ? counts.Accuracy : null,
            Precision = labelled ? Profiled(counts.Precision) : null,
            Recall = labelled ? Profiled(counts.Tpr) : null,
            F1 = labelled ? Profiled(counts.F1) : null,
            RocAuc = score?.RocAuc,
            LogLoss = score?.LogLoss,
            Brier = score?.Brier,
            Ece = score?.Ece,
            EceBins = score is null ? null : EceBins,
            ConfusionMatrix = labelled ? new ConfusionMatrix(counts.Tn, counts.Fp, counts.Fn, counts.Tp) : null,
            Ci = ci,
            Reliability = Reliability?.Bins,
            Roc = Roc is { } roc ? new RocPoints(roc.FalsePositiveRates, roc.TruePositiveRates) : null,
        };
    }

    /// <summary>results.json's <c>metrics.fairness</c>: every attribute and intersection, every group however small.</summary>
    public SortedDictionary<string, AttributeSection> FairnessSections()
    {
        var privileged = _data.Privileged;
        var result = new SortedDictionary<string, AttributeSection>(StringComparer.Ordinal);
        foreach (var attribute in _data.Attributes)
        {
            result[attribute.Name] = _data.Task == ModelTask.Regression
                ? RegressionAttributeSection(attribute)
                : AttributeSection(attribute, privileged);
        }

        return result;
    }

    private AttributeSection AttributeSection(ProtectedAttribute attribute, IReadOnlyDictionary<string, string> privilegedGroups)
    {
        var cells = Cells(attribute);
        var include = Enumerable.Repeat(true, cells.GroupCount).ToArray();
        var privilegedName = privilegedGroups.TryGetValue(attribute.Name, out var p) ? p : null;
        var privileged = privilegedName is null ? -1 : IndexOf(attribute, privilegedName);
        var profile = _data.Profile == DefinitionProfile.Aif360 && privileged < 0 ? DefinitionProfile.Strict : _data.Profile;
        var labelled = _data.Truth is not null;
        var undefined = new List<string>();
        var groups = new SortedDictionary<string, GroupSection>(StringComparer.Ordinal);
        var total = cells.Total;
        for (var g = 0; g < cells.GroupCount; g++)
        {
            var counts = cells.Group(g);
            if (counts.Count == 0)
            {
                continue;
            }

            var name = attribute.Groups[g];
            if (labelled)
            {
                NoteUndefined(undefined, name, counts);
            }

            groups[name] = new GroupSection
            {
                Count = counts.Count,
                Share = total == 0 ? null : (double)counts.Count / total,
                SelectionRate = counts.SelectionRate,
                Tpr = labelled ? FairnessAggregator.Rate(GroupRateKind.Tpr, counts, profile) : null,
                Fpr = labelled ? FairnessAggregator.Rate(GroupRateKind.Fpr, counts, profile) : null,
                Fnr = labelled ? FairnessAggregator.Rate(GroupRateKind.Fnr, counts, profile) : null,
                Precision = labelled ? FairnessAggregator.Rate(GroupRateKind.Precision, counts, profile) : null,
                Accuracy = labelled ? counts.Accuracy : null,
                ConfusionMatrix = labelled ? new ConfusionMatrix(counts.Tn, counts.Fp, counts.Fn, counts.Tp) : null,
                Ci = GroupIntervals(cells, g, labelled),
            };
        }

        double? Aggregate(FairnessMetric metric) =>
            !labelled && metric is not (FairnessMetric.DemographicParityDifference or FairnessMetric.DemographicParityRatio)
                ? null
                : FairnessAggregator.Compute(metric, cells.Cells, include, profile, privileged) is { } v && !double.IsNaN(v) ? v : null;

        var aggregates = Enum.GetValues<FairnessMetric>().ToDictionary(m => m, Aggregate);
        var ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var metric in new[] { FairnessMetric.DemographicParityDifference, FairnessMetric.DemographicParityRatio, FairnessMetric.EqualizedOddsDifference, FairnessMetric.EqualOpportunityDifference })
        {
            if (aggregates[metric] is not null && Disparity(attribute, metric, include, privileged, Bootstrap.Confidence).Interval is { } i)
            {
                ci[Snake(metric)] = [i.Low, i.High];
            }
        }

        return new AttributeSection
        {
            Groups = groups,
            DemographicParityDifference = aggregates[FairnessMetric.DemographicParityDifference],
            DemographicParityRatio = aggregates[FairnessMetric.DemographicParityRatio],
            EqualizedOddsDifference = aggregates[FairnessMetric.EqualizedOddsDifference],
            EqualizedOddsRatio = aggregates[FairnessMetric.EqualizedOddsRatio],
            EqualOpportunityDifference = aggregates[FairnessMetric.EqualOpportunityDifference],
            EqualOpportunityRatio = aggregates[FairnessMetric.EqualOpportunityRatio],
            PredictiveParityDifference = aggregates[FairnessMetric.PredictiveParityDifference],
            PredictiveParityRatio = aggregates[FairnessMetric.PredictiveParityRatio],
            FprDifference = aggregates[FairnessMetric.FprDifference],
            AccuracyDifference = aggregates[FairnessMetric.AccuracyDifference],
            UndefinedRates = undefined,
            MissingValues = cells.Missing,
            Privileged = privilegedName,
            Ci = ci,
        };
    }

    private SortedDictionary<string, double[]> GroupIntervals(AttributeCells cells, int group, bool labelled)
    {
        var ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        if (cells.Replicates.Length == 0)
        {
            return ci;
        }

        var counts = cells.Group(group);
        void Add(string name, Func<ConfusionCounts, double?> rate)
        {
            var interval = CountBootstrap.Interval(cells.Replicates, cells.Cells.Length, c => rate(ConfusionCounts.FromCells(c.Slice(group * 4, 4))), rate(counts), Bootstrap.Confidence);
            if (interval is { } i)
            {
                ci[name] = [i.Low, i.High];
            }
        }

        Add("selection_rate", c => c.SelectionRate);
        if (labelled)
        {
            Add("tpr", c => c.Tpr);
            Add("fpr", c => c.Fpr);
        }

        return ci;
    }

    private static void NoteUndefined(List<string> undefined, string group, ConfusionCounts counts)
    {
        if (counts.ActualPositives == 0)
        {
            undefined.Add($"{group}: tpr");
            undefined.Add($"{group}: fnr");
        }

        if (counts.ActualNegatives == 0)
        {
            undefined.Add($"{group}: fpr");
        }

        if (counts.PredictedPositives == 0)
        {
            undefined.Add($"{group}: precision");
        }
    }

    private double? Profiled(double? rate) => rate ?? (_data.Profile == DefinitionProfile.Fairlearn ? 0 : null);

    public static int IndexOf(ProtectedAttribute attribute, string group)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        for (var g = 0; g < attribute.Groups.Count; g++)
        {
            if (string.Equals(attribute.Groups[g], group, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return -1;
    }

    public static string Snake(FairnessMetric metric) =>
        string.Concat(metric.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
