using System.Runtime.InteropServices;
using ModelCert.Core.Metrics;

namespace ModelCert.Core.Statistics;

/// <summary>
/// Collects rows in ascending key order into cells keyed by (score key, calibration bin, label). Within a tie group
/// (one key) cells come in the order their first rows arrive; a run of equal rows is added as a run, with the same
/// sums as adding its rows one by one.
/// </summary>
internal sealed class ScoreCellBuilder
{
    internal struct Cell
    {
        public long Count;
        public double ScoreSum;
        public double LogLossSum;
        public double SquaredErrorSum;
        public bool Positive;
        public int TieGroup;
        public int EceBin;
    }

    private readonly int _eceBins;
    private readonly int[] _open;
    private readonly List<int> _touched = [];
    private readonly List<Cell> _cells = [];
    private double _key = double.NaN;
    private int _tieGroup = -1;

    public ScoreCellBuilder(int eceBins)
    {
        _eceBins = eceBins;
        _open = new int[2 * eceBins];
        Array.Fill(_open, -1);
    }

    public ReadOnlySpan<Cell> Cells => CollectionsMarshal.AsSpan(_cells);

    /// <summary>Adds <paramref name="rows"/> rows of one score and label (NaN keys never tie, as NaN is unequal to itself).</summary>
    public void Add(double key, bool label, double score, long rows)
    {
        if (key != _key)
        {
            _key = key;
            _tieGroup++;
            foreach (var slot in _touched)
            {
                _open[slot] = -1;
            }

            _touched.Clear();
        }

        var bin = ScoreMetrics.CalibrationBin(score, _eceBins);
        var open = (2 * bin) + (label ? 1 : 0);
        var index = _open[open];
        if (index < 0)
        {
            index = _cells.Count;
            _cells.Add(new Cell { Positive = label, TieGroup = _tieGroup, EceBin = bin });
            _open[open] = index;
            _touched.Add(open);
        }

        var truth = label ? 1.0 : 0.0;
        var logLoss = ScoreMetrics.RowLogLoss(score, label);
        var squaredError = (score - truth) * (score - truth);
        ref var cell = ref CollectionsMarshal.AsSpan(_cells)[index];
        cell.Count += rows;
        for (var r = 0L; r < rows; r++)
        {
            cell.ScoreSum += score;
            cell.LogLossSum += logLoss;
            cell.SquaredErrorSum += squaredError;
        }
    }
}
