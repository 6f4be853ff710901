using ModelCert.Core.Metrics;

namespace ModelCert.Core.Statistics;

public enum ScoreMetricKind
{
    RocAuc,
    LogLoss,
    Brier,
    Ece,
}

/// <summary>
/// Bootstrap replicates for score-based metrics (ROC AUC, log loss, Brier, ECE). Rows with the same score and label
/// contribute identically to all four, so a row resample is a multinomial draw over the distinct (score, label)
/// cells: exact, and cheap when scores repeat. With more than <see cref="MaxExactCells"/> distinct cells, scores go
/// into <see cref="FineBins"/> equal-width bins per label; the replicates' spread then comes from the binned data
/// and is centred on the exact point estimate (shifted by exact minus binned).
/// </summary>
public sealed class ScoreBootstrap
{
    public const int MaxExactCells = 20_000;
    public const int FineBins = 2048;

    private readonly Dictionary<ScoreMetricKind, double[]> _replicates;
    private readonly Dictionary<ScoreMetricKind, double> _shift;
    private readonly ScoreMetricsResult _point;

    private ScoreBootstrap(Dictionary<ScoreMetricKind, double[]> replicates, Dictionary<ScoreMetricKind, double> shift, ScoreMetricsResult point, bool binned)
    {
        _replicates = replicates;
        _shift = shift;
        _point = point;
        Binned = binned;
    }

    /// <summary>Whether the replicates came from fine score bins rather than exact cells.</summary>
    public bool Binned { get; }

    public static ScoreBootstrap Run(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, ScoreMetricsResult point, int eceBins, BootstrapOptions options, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(options);
        var cells = ScoreCells.Build(scores, truth, MaxExactCells, FineBins, eceBins);
        var binnedPoint = cells.Evaluate(cells.Counts);
        var kinds = Enum.GetValues<ScoreMetricKind>();
        var replicates = kinds.ToDictionary(k => k, _ => new double[options.Replicates]);
        var resample = new PreparedMultinomial(cells.Counts);
        ReplicateStreams.Run(
            options.Seed,
            0x5C0E,
            options.Replicates,
            () => new long[cells.Counts.Length],
            (r, random, draw) =>
            {
                resample.Resample(random, draw);
                var value = cells.Evaluate(draw);
                foreach (var kind in kinds)
                {
                    replicates[kind][r] = Select(value, kind) ?? double.NaN;
                }
            },
            maxThreads);

        var shift = kinds.ToDictionary(k => k, k => (Select(point, k) ?? 0) - (Select(binnedPoint, k) ?? 0));
        return new ScoreBootstrap(replicates, shift, point, cells.Binned);
    }

    public (double Low, double High)? Interval(ScoreMetricKind kind, double confidence)
    {
        if (Select(_point, kind) is not { } point || _replicates[kind].Length == 0)
        {
            return null;
        }

        var values = (double[])_replicates[kind].Clone();
        var shift = _shift[kind];
        return CountBootstrap.Contain(PercentileInterval.Compute(values, confidence) is { } i ? (i.Low + shift, i.High + shift) : null, point);
    }

    public static double? Select(ScoreMetricsResult value, ScoreMetricKind kind) => kind switch
    {
        ScoreMetricKind.RocAuc => value.RocAuc,
        ScoreMetricKind.LogLoss => value.LogLoss,
        ScoreMetricKind.Brier => value.Brier,
        _ => value.Ece,
    };
}
