using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// The measurements of one evaluation, each computed once and shared by the checks and the results document:
/// overall confusion cells, score metrics, per-attribute cells, and their bootstrap replicates. Intervals are cut
/// from the stored replicates at whatever confidence a requirement asks for.
/// </summary>
public sealed partial class MetricSuite
{
    public const int EceBins = 10;

    private readonly EvaluationData _data;
    private readonly Dictionary<string, AttributeCells> _attributes = new(StringComparer.Ordinal);
    private long[]? _overallReplicates;
    private ScoreMetricsResult? _score;
    private ScoreBootstrap? _scoreBootstrap;
    private Task<ScoreBootstrap>? _pendingScoreBootstrap;
    private RocCurve? _roc;
    private ReliabilityCurve? _reliability;
    private readonly Dictionary<int, ScoreBootstrap> _eceBootstraps = [];

    public MetricSuite(EvaluationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        if (data.Task == ModelTask.BinaryClassification && data.Predicted is { } predicted)
        {
            Truth = data.Truth ?? new bool[data.Rows];
            Predicted = predicted;
            var cells = GroupCounter.Count(Truth, predicted);
            Overall = GroupCounter.Group(cells, 0);
            OverallCells = cells;
        }
    }

    public bool HasLabels => _data.Truth is not null || _data.Target is not null;

    /// <summary>All-false when there are no labels, so selection rates still count.</summary>
    public bool[]? Truth { get; }

    public bool[]? Predicted { get; }

    public ConfusionCounts? Overall { get; }

    private long[]? OverallCells { get; }

    public BootstrapOptions Bootstrap => _data.Bootstrap;

    /// <summary>An interval for any function of the overall confusion cells.</summary>
    public (double Low, double High)? OverallInterval(Func<ConfusionCounts, double?> metric, double confidence)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (OverallCells is null || Bootstrap.Replicates == 0)
        {
            return null;
        }

        _overallReplicates ??= CountBootstrap.Resample(OverallCells, Bootstrap.Replicates, Bootstrap.Seed);
        return CountBootstrap.Interval(_overallReplicates, 4, c => metric(ConfusionCounts.FromCells(c)), metric(Overall!.Value), confidence);
    }

    /// <summary>ROC AUC, log loss, Brier and ECE; null without labels or scores.</summary>
    public ScoreMetricsResult? Score
    {
        get
        {
            if (_score is null && _data.Truth is { } truth && _data.Scores is { } scores && _data.Task == ModelTask.BinaryClassification)
            {
                _roc = RocCurve.ComputeThinned(scores, truth, RocPlotPoints);
                _reliability = ReliabilityCurve.Compute(scores, truth, EceBins);
                _score = new ScoreMetricsResult(_roc.Area, ScoreMetrics.LogLoss(scores, truth), ScoreMetrics.Brier(scores, truth), _reliability.Ece);
            }

            return _score;
        }
    }

    public RocCurve? Roc => Score is null ? null : _roc;

    public ReliabilityCurve? Reliability => Score is null ? null : _reliability;

    public (double Low, double High)? ScoreInterval(ScoreMetricKind kind, double confidence)
    {
        if (Score is not { } point || Bootstrap.Replicates == 0)
        {
            return null;
        }

        _scoreBootstrap ??= _pendingScoreBootstrap?.GetAwaiter().GetResult() ?? ScoreBootstrap.Run(_data.Scores, _data.Truth, point, EceBins, Bootstrap);
        return _scoreBootstrap.Interval(kind, confidence);
    }

    /// <summary>
    /// Starts the score-metric replicates in the background, so they run while single-threaded work (checks, the
    /// evidence pack) goes on; <see cref="ScoreInterval"/> waits for them. The replicates are the same either way:
    /// the task reads only the finished point estimate and the scores, and draws from the same seeded streams.
    /// Call it from the thread that owns this suite, before any other use of it.
    /// </summary>
    public void StartScoreIntervals()
    {
        if (_scoreBootstrap is not null || _pendingScoreBootstrap is not null || Bootstrap.Replicates == 0 || Score is not { } point)
        {
            return;
        }

        var scores = _data.Scores;
        var truth = _data.Truth;
        var options = Bootstrap;
        // One core fewer than the machine has, so the thread doing the checks keeps a core to itself.
        var threads = Math.Max(1, Environment.ProcessorCount - 1);
        _pendingScoreBootstrap = Task.Run(() => ScoreBootstrap.Run(scores, truth, point, EceBins, options, threads));
    }

    /// <summary>ECE with a requirement's own number of calibration bins (the default bins reuse the shared replicates).</summary>
    public Measurement Ece(int bins, double confidence)
    {
        if (bins == EceBins)
        {
            return Score is { } point
                ? new Measurement(point.Ece, ScoreInterval(ScoreMetricKind.Ece, confidence), _data.Rows)
                : Measurement.Undefined("needs labels and scores");
        }

        if (_data.Truth is not { } truth || _data.Scores is not { } scores)
        {
            return Measurement.Undefined("needs labels and scores");
        }

        var ece = ReliabilityCurve.Compute(scores, truth, bins).Ece;
        if (Bootstrap.Replicates == 0)
        {
            return new Measurement(ece, null, _data.Rows);
        }

        if (!_eceBootstraps.TryGetValue(bins, out var bootstrap))
        {
            bootstrap = ScoreBootstrap.Run(scores, truth, Score! with { Ece = ece }, bins, Bootstrap);
            _eceBootstraps.Add(bins, bootstrap);
        }

        return new Measurement(ece, bootstrap.Interval(ScoreMetricKind.Ece, confidence), _data.Rows);
    }

    /// <summary>Whether score intervals came from fine bins (large data) rather than exact cells; recorded in results.</summary>
    public bool? ScoreIntervalsBinned => (_scoreBootstrap ??= _pendingScoreBootstrap?.GetAwaiter().GetResult())?.Binned;

    /// <summary>The attribute's cells of the favourable outcome (see <see cref="EvaluationData.Favourable"/>), counted once.</summary>
    public AttributeCells Cells(ProtectedAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (Truth is null || Predicted is null)
        {
            throw new InvalidOperationException("Group cells need decisions (a classification task with scores or predictions).");
        }

        if (!_attributes.TryGetValue(attribute.Name, out var cells))
        {
            cells = new AttributeCells(attribute, Truth, Predicted, Bootstrap, _data.Favourable);
            _attributes.Add(attribute.Name, cells);
        }

        return cells;
    }

    /// <summary>A disparity aggregate with its interval, over the included groups.</summary>
    public Measurement Disparity(ProtectedAttribute attribute, FairnessMetric metric, bool[] include, int privileged, double confidence)
    {
        var cells = Cells(attribute);
        var point = FairnessAggregator.Compute(metric, cells.Cells, include, _data.Profile, privileged);
        var rows = Enumerable.Range(0, cells.GroupCount).Where(g => include[g]).Sum(g => cells.Group(g).Count);
        if (point is null || double.IsNaN(point.Value))
        {
            return Measurement.Undefined("no group has a defined rate", rows);
        }

        var interval = cells.Replicates.Length == 0
            ? null
            : CountBootstrap.Interval(cells.Replicates, cells.Cells.Length, c => FairnessAggregator.Compute(metric, c, include, _data.Profile, privileged), point, confidence);
        return new Measurement(point, interval, rows);
    }
}
