using ModelCert.Core.Metrics;

namespace ModelCert.Core.Statistics;

/// <summary>Collects rows in ascending key order into cells keyed by (score key, calibration bin, label).</summary>
internal sealed class ScoreCellBuilder(int eceBins)
{
    internal sealed class Cell
    {
        public long Count;
        public double ScoreSum;
        public double LogLossSum;
        public double SquaredErrorSum;
        public bool Positive;
        public int TieGroup;
        public int EceBin;
    }

    private readonly Dictionary<(int Bin, bool Label), Cell> _open = [];
    private double _key = double.NaN;
    private int _tieGroup = -1;

    public List<Cell> Cells { get; } = [];

    public void Add(double key, bool label, double score)
    {
        if (key != _key)
        {
            _key = key;
            _tieGroup++;
            _open.Clear();
        }

        var bin = ScoreMetrics.CalibrationBin(score, eceBins);
        if (!_open.TryGetValue((bin, label), out var cell))
        {
            cell = new Cell { Positive = label, TieGroup = _tieGroup, EceBin = bin };
            _open.Add((bin, label), cell);
            Cells.Add(cell);
        }

        var truth = label ? 1.0 : 0.0;
        cell.Count++;
        cell.ScoreSum += score;
        cell.LogLossSum += ScoreMetrics.RowLogLoss(score, label);
        cell.SquaredErrorSum += (score - truth) * (score - truth);
    }
}
