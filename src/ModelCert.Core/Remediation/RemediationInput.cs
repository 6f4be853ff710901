using ModelCert.Core.Fairness;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Remediation;

/// <summary>
/// What a threshold search needs about one attribute: each group's sorted scores, which groups the requirement decides
/// on, the metric with the check's own definitions (<see cref="Evaluate"/>) and its bootstrap, and the bound.
/// </summary>
internal sealed class RemediationInput
{
    public required GroupScores[] Groups { get; init; }

    public required bool[] Include { get; init; }

    public required FairnessMetric Metric { get; init; }

    public required Threshold Threshold { get; init; }

    public required double BaseThreshold { get; init; }

    public required bool Labelled { get; init; }

    public required long TotalRows { get; init; }

    /// <summary>The check's metric from per-group cells (4 per group), as the check computes it.</summary>
    public required Func<ReadOnlySpan<long>, double?> Evaluate { get; init; }

    public required BootstrapOptions Bootstrap { get; init; }

    public required double Confidence { get; init; }

    public required ulong Stream { get; init; }

    /// <summary>Every group's cells when group g is decided with <paramref name="thresholds"/>[g].</summary>
    public long[] CellsAt(IReadOnlyList<double> thresholds)
    {
        var cells = new long[Groups.Length * 4];
        for (var g = 0; g < Groups.Length; g++)
        {
            var c = Groups[g].At(thresholds[g]);
            (cells[4 * g], cells[(4 * g) + 1], cells[(4 * g) + 2], cells[(4 * g) + 3]) = (c.Tn, c.Fp, c.Fn, c.Tp);
        }

        return cells;
    }

    /// <summary>The metric's count-bootstrap interval on <paramref name="cells"/>, as the check would compute it; null without replicates.</summary>
    public (double Low, double High)? Interval(long[] cells, double value) =>
        Bootstrap.Replicates == 0
            ? null
            : CountBootstrap.Interval(CountBootstrap.Resample(cells, Bootstrap.Replicates, Bootstrap.Seed, Stream), cells.Length, Evaluate, value, Confidence);
}
