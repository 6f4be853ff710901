using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// A score-based black-box evasion search within an L-infinity ball: each numeric feature j of a row may move by at
/// most epsilon x its range R_j (integer features by whole steps, and never outside the observed [min, max]). Per
/// row: restarts (the first from the row itself, the others from a uniform point in the ball), each a greedy
/// coordinate search that tries both ends of the ball on one feature at a time (random order) and keeps the move
/// that most reduces the margin to the threshold, sweeping until a sweep improves nothing. A row succeeds when its
/// decision flips within <c>budget</c> model queries. All rows advance in lockstep, so each step is one batched
/// model call.
/// </summary>
internal sealed class EvasionSearch
{
    private readonly RescoringSetup _setup;
    private readonly ColumnStats[] _features;
    private readonly double _threshold;

    public EvasionSearch(RescoringSetup setup, IReadOnlyList<ColumnStats> features, double threshold)
    {
        _setup = setup;
        _features = [.. features];
        _threshold = threshold;
    }

    /// <summary>Per row: whether it flipped, the queries used, and its final point's move per feature as a share of the range.</summary>
    public (bool[] Flipped, int[] Queries, double[][] Moves)? Run(double epsilon, int budget, int restarts, SeededRandom random, out string? problem)
    {
        problem = null;
        var n = _setup.Rows.Length;
        var origin = new double[n][];
        var radius = new double[_features.Length];
        for (var j = 0; j < _features.Length; j++)
        {
            radius[j] = _features[j].IsInteger ? Math.Floor(epsilon * _features[j].Range) : epsilon * _features[j].Range;
        }

        var rows = new Row[n];
        for (var i = 0; i < n; i++)
        {
            origin[i] = [.. _features.Select(f => Value(f.Column, i))];
            rows[i] = new Row(origin[i], Margin(i, _setup.Scores[i]));
            rows[i].NewSweep(random);
            rows[i].Done = !_features.Select((f, j) => radius[j] > 0 && _features[j].Column.IsValid(i)).Any(x => x);
        }

        while (true)
        {
            var proposals = new List<(int Row, double[] Point)>();
            for (var i = 0; i < n; i++)
            {
                if (!rows[i].Done)
                {
                    Propose(rows[i], i, origin[i], radius, budget, restarts, random, proposals);
                }
            }

            if (proposals.Count == 0)
            {
                break;
            }

            var scores = ModelScoring.TryScore(_setup.Model, Build(proposals), out problem);
            if (scores is null)
            {
                return null;
            }

            Update(rows, proposals, scores);
        }

        return ([.. rows.Select(r => r.Flipped)], [.. rows.Select(r => r.Queries)],
            [.. rows.Select((r, i) => r.Best.Select((v, j) => _features[j].Range > 0 ? Math.Abs(v - origin[i][j]) / _features[j].Range : 0).ToArray())]);
    }

    private void Propose(Row row, int i, double[] origin, double[] radius, int budget, int restarts, SeededRandom random, List<(int, double[])> proposals)
    {
        while (true)
        {
            if (row.Coordinate >= row.Order.Length)
            {
                if (row.Order.Length > 0 && row.ImprovedInSweep)
                {
                    row.NewSweep(random);
                }
                else if (row.Restart + 1 < restarts && row.Queries < budget)
                {
                    // A fresh start: a uniform point in the ball, scored before the sweeps begin.
                    row.Restart++;
                    var start = origin.Select((x, j) => Clip(j, Move(j, x, ((2 * random.NextDouble()) - 1) * radius[j], random))).ToArray();
                    row.Queries++;
                    row.NewSweep(random);
                    row.StartPending = true;
                    proposals.Add((i, start));
                    return;
                }
                else
                {
                    row.Done = true;
                    return;
                }
            }

            var feature = row.Order[row.Coordinate];
            row.Coordinate++;
            if (radius[feature] <= 0 || !_features[feature].Column.IsValid(i))
            {
                continue;
            }

            var candidates = new[] { origin[feature] - radius[feature], origin[feature] + radius[feature] }
                .Select(v => Clip(feature, v))
                .Where(v => v != row.Current[feature])
                .Distinct()
                .Take(budget - row.Queries)
                .ToList();
            if (candidates.Count == 0)
            {
                if (row.Queries >= budget)
                {
                    row.Done = true;
                    return;
                }

                continue;
            }

            foreach (var value in candidates)
            {
                var point = (double[])row.Current.Clone();
                point[feature] = value;
                proposals.Add((i, point));
            }

            row.Queries += candidates.Count;
            return;
        }
    }

    private void Update(Row[] rows, List<(int Row, double[] Point)> proposals, double[] scores)
    {
        for (var p = 0; p < proposals.Count; p++)
        {
            var (i, point) = proposals[p];
            var row = rows[i];
            var decision = scores[p] > _threshold;
            if (decision != _setup.Decisions[i] && !row.Flipped)
            {
                row.Flipped = true;
                row.Done = true;
                row.Best = point;
                continue;
            }

            var margin = Margin(i, scores[p]);
            if (row.StartPending)
            {
                row.Current = point;
                row.CurrentMargin = margin;
                row.StartPending = false;
            }
            else if (margin < row.CurrentMargin)
            {
                row.Current = point;
                row.CurrentMargin = margin;
                row.ImprovedInSweep = true;
            }

            if (!row.Flipped && margin < row.BestMargin)
            {
                row.Best = point;
                row.BestMargin = margin;
            }
        }
    }

    /// <summary>How far the score is from flipping this row's decision (smaller is closer; NaN is never closer).</summary>
    private double Margin(int i, double score) =>
        double.IsNaN(score) ? double.PositiveInfinity : _setup.Decisions[i] ? score - _threshold : _threshold - score;

    private double Move(int j, double x, double delta, SeededRandom random) =>
        _features[j].IsInteger ? Perturbation.StochasticRound(x + delta, random) : x + delta;

    private double Clip(int j, double value) => Math.Clamp(value, _features[j].Min, _features[j].Max);

    private Frame Build(List<(int Row, double[] Point)> proposals)
    {
        var frame = FrameEdit.Take(_setup.Sample, [.. proposals.Select(p => p.Row)]);
        var columns = new List<Column>();
        for (var j = 0; j < _features.Length; j++)
        {
            var taken = frame[_features[j].Name];
            columns.Add(taken switch
            {
                Int64Column c => new Int64Column(c.Name, [.. proposals.Select(p => (long)Math.Round(p.Point[j]))], c.Validity),
                Float64Column c => new Float64Column(c.Name, [.. proposals.Select(p => p.Point[j])], c.Validity),
                _ => taken,
            });
        }

        return FrameEdit.Replace(frame, columns);
    }

    private static double Value(Column column, int row) => column switch
    {
        Float64Column c => c.Values[row],
        Int64Column c => c.Values[row],
        _ => double.NaN,
    };

    /// <summary>One row's search state.</summary>
    private sealed class Row(double[] origin, double margin)
    {
        public double[] Current { get; set; } = origin;

        public double CurrentMargin { get; set; } = margin;

        public double[] Best { get; set; } = origin;

        public double BestMargin { get; set; } = margin;

        public int[] Order { get; private set; } = [];

        public int Coordinate { get; set; }

        public bool ImprovedInSweep { get; set; }

        public int Restart { get; set; }

        public int Queries { get; set; }

        public bool StartPending { get; set; }

        public bool Flipped { get; set; }

        public bool Done { get; set; }

        public void NewSweep(SeededRandom random)
        {
            var order = Enumerable.Range(0, Current.Length).ToArray();
            for (var k = order.Length - 1; k > 0; k--)
            {
                var swap = random.NextInt(k + 1);
                (order[k], order[swap]) = (order[swap], order[k]);
            }

            Order = order;
            Coordinate = 0;
            ImprovedInSweep = false;
        }
    }
}
