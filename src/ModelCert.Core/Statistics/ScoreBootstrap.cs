using ModelCert.Core.Metrics;

namespace ModelCert.Core.Statistics;

/// <summary>
/// Bootstrap intervals for score-based metrics (ROC AUC, log loss, Brier, ECE). Rows with the same score and label
/// contribute identically to all four, so a row resample is a multinomial draw over the distinct (score, label)
/// cells: exact, and cheap when scores repeat. When there are more than <see cref="MaxExactCells"/> distinct cells,
/// scores are put into <see cref="FineBins"/> equal-width bins per label; the replicates' spread is taken from
/// the binned data and centred on the exact point estimate (the interval is shifted by exact - binned).
/// </summary>
public static class ScoreBootstrap
{
    public const int MaxExactCells = 20_000;
    public const int FineBins = 2048;

    public sealed record Intervals(
        (double Low, double High)? RocAuc, (double Low, double High)? LogLoss, (double Low, double High)? Brier, (double Low, double High)? Ece, bool Binned);

    public static Intervals Compute(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth, ScoreMetricsResult point, int eceBins, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(options);
        var cells = ScoreCells.Build(scores, truth, MaxExactCells, FineBins, eceBins);
        var binnedPoint = cells.Evaluate(cells.Counts);
        var replicates = options.Replicates;
        var auc = new double[replicates];
        var logLoss = new double[replicates];
        var brier = new double[replicates];
        var ece = new double[replicates];
        var random = SeededRandom.ForStream(options.Seed, 0x5C0E);
        var draw = new long[cells.Counts.Length];
        for (var r = 0; r < replicates; r++)
        {
            Binomial.ResampleCounts(random, cells.Counts, draw);
            var value = cells.Evaluate(draw);
            auc[r] = value.RocAuc ?? double.NaN;
            logLoss[r] = value.LogLoss;
            brier[r] = value.Brier;
            ece[r] = value.Ece;
        }

        return new Intervals(
            Shifted(auc, point.RocAuc, binnedPoint.RocAuc, options.Confidence),
            Shifted(logLoss, point.LogLoss, binnedPoint.LogLoss, options.Confidence),
            Shifted(brier, point.Brier, binnedPoint.Brier, options.Confidence),
            Shifted(ece, point.Ece, binnedPoint.Ece, options.Confidence),
            cells.Binned);
    }

    private static (double Low, double High)? Shifted(double[] values, double? exact, double? binned, double confidence)
    {
        if (exact is null || binned is null || values.Length == 0)
        {
            return null;
        }

        var shift = exact.Value - binned.Value;
        var interval = PercentileInterval.Compute(values, confidence);
        return CountBootstrap.Contain(interval is { } i ? (i.Low + shift, i.High + shift) : null, exact.Value);
    }
}
