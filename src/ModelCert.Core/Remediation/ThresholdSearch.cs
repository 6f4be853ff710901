using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Remediation;

/// <summary>
/// Searches per-group thresholds that meet a disparity bound. A difference at most d holds when every group's rate
/// lies in some band [L, L + d]; a ratio at least r when it lies in [L, L / r]. For each band (L over the rates the
/// groups can reach, thinned to a grid), each group independently takes the candidate threshold inside the band that
/// keeps the most decisions correct (without labels: changes the fewest decisions), so the search is exact on the
/// grid and linear in groups. Equalized odds bands TPR and FPR together. The winner is verified with the check's own
/// metric. Thresholds that select nobody or everybody in a group are not offered (they would "equalize" rates by
/// giving up the decision), unless that is what the current threshold does. The bound is then tightened in ten steps,
/// at most halfway to parity and at most 2 accuracy points beyond the point-estimate solution, until the bootstrap
/// interval clears it too; failing that, the cheapest thresholds whose point estimate meets the bound are kept.
/// </summary>
internal sealed class ThresholdSearch
{
    private const int Levels = 200;
    private const int SingleGrid = 600;
    private const int PairGrid = 60;
    private const double Tolerance = 1e-12;

    /// <summary>Steps in which the bound is tightened, up to halfway to parity, to make the interval clear it.</summary>
    private const int MarginSteps = 10;

    /// <summary>The most accuracy (as a share of rows) a tightened bound may cost beyond the point-estimate solution.</summary>
    private const double MaxExtraCost = 0.02;

    private readonly RemediationInput _input;
    private readonly GroupRateKind[] _kinds;
    private readonly Option[][] _options;

    /// <summary>Each group's option indices, best score first (lower index first among equals): the first in band is the pick.</summary>
    private readonly int[][] _byScore;

    /// <summary>The band floors per rate kind, for ratio and for difference bounds; the same for every target.</summary>
    private readonly Dictionary<bool, double[][]> _grids = [];

    public ThresholdSearch(RemediationInput input)
    {
        _input = input;
        _kinds = Kinds(input.Metric);
        _options = [.. input.Groups.Select((group, g) => input.Include[g]
            ? [.. group.Candidates(input.BaseThreshold, Levels)
                .Where(t => t == input.BaseThreshold || group.At(t).PredictedPositives is var chosen && chosen > 0 && chosen < group.Count)
                .Select(t => Option.Of(t, group.At(t), group.At(input.BaseThreshold), _kinds, input.Labelled, input.TotalRows))]
            : Array.Empty<Option>())];
        _byScore = [.. _options.Select(options => Enumerable.Range(0, options.Length).OrderByDescending(o => options[o].Score).ThenBy(o => o).ToArray())];
    }

    public static GroupRateKind[] Kinds(FairnessMetric metric) => metric switch
    {
        FairnessMetric.DemographicParityDifference or FairnessMetric.DemographicParityRatio => [GroupRateKind.SelectionRate],
        FairnessMetric.EqualOpportunityDifference or FairnessMetric.EqualOpportunityRatio => [GroupRateKind.Tpr],
        FairnessMetric.PredictiveParityDifference or FairnessMetric.PredictiveParityRatio => [GroupRateKind.Precision],
        FairnessMetric.EqualizedOddsDifference or FairnessMetric.EqualizedOddsRatio => [GroupRateKind.Tpr, GroupRateKind.Fpr],
        FairnessMetric.FprDifference => [GroupRateKind.Fpr],
        _ => [],
    };

    public static bool IsRatio(FairnessMetric metric) => metric is FairnessMetric.DemographicParityRatio or FairnessMetric.EqualOpportunityRatio
        or FairnessMetric.PredictiveParityRatio or FairnessMetric.EqualizedOddsRatio;

    /// <summary>The cheapest thresholds meeting the bound (with its interval when possible), or null with the reason.</summary>
    public (double[]? Thresholds, double Target, string? Reason) Run()
    {
        if (_kinds.Length == 0)
        {
            return (null, double.NaN, "this metric has no rate a threshold can move");
        }

        var ratio = IsRatio(_input.Metric);
        if ((ratio ? _input.Threshold.Min : _input.Threshold.Max) is not { } bound)
        {
            return (null, double.NaN, $"the requirement bounds the other side ({_input.Threshold}), so there is no target for the thresholds");
        }

        (double[] Thresholds, double Target, long Correct)? pointOnly = null;
        var room = ratio ? (1 - bound) / 2 : bound / 2;
        for (var step = 0; step <= MarginSteps; step++)
        {
            var target = ratio ? bound + (room * step / MarginSteps) : bound - (room * step / MarginSteps);
            if (Best(target, ratio) is not { } chosen)
            {
                break;
            }

            var thresholds = Enumerable.Range(0, _options.Length).Select(g => _input.Include[g] ? _options[g][chosen[g]].Threshold : _input.BaseThreshold).ToArray();
            var cells = _input.CellsAt(thresholds);
            if (_input.Evaluate(cells) is not { } value || Decision.Compare(_input.Threshold, value, null) != Decision.Side.Clears)
            {
                continue;
            }

            var correct = Enumerable.Range(0, _options.Length).Sum(g => cells[4 * g] + cells[(4 * g) + 3]);
            pointOnly ??= (thresholds, target, correct);
            if (_input.Labelled && correct < pointOnly.Value.Correct - (MaxExtraCost * _input.TotalRows))
            {
                break;
            }

            if (Decision.Compare(_input.Threshold, value, _input.Interval(cells, value)) == Decision.Side.Clears)
            {
                return (thresholds, target, null);
            }
        }

        return pointOnly is { } found
            ? (found.Thresholds, found.Target, null)
            : (null, double.NaN, $"no per-group thresholds on the searched grid ({Levels + 1} score quantiles per group) meet {_input.Threshold}");
    }

    /// <summary>The chosen option index per group (unused for left-out groups) for the best band, or null if none fits.</summary>
    private int[]? Best(double target, bool ratio)
    {
        if (!_grids.TryGetValue(ratio, out var grids))
        {
            grids = [.. _kinds.Select((_, k) => Grid(k, ratio, _kinds.Length == 1 ? SingleGrid : PairGrid))];
            _grids[ratio] = grids;
        }

        int[]? best = null;
        var bestScore = long.MinValue;
        var choice = new int[_options.Length];
        foreach (var lows in Combinations(grids))
        {
            var score = 0L;
            var feasible = true;
            for (var g = 0; g < _options.Length && feasible; g++)
            {
                if (!_input.Include[g])
                {
                    continue;
                }

                var pick = -1;
                var pickScore = long.MinValue;
                foreach (var o in _byScore[g])
                {
                    if (InBand(_options[g][o], lows, target, ratio))
                    {
                        pick = o;
                        pickScore = _options[g][o].Score;
                        break;
                    }
                }

                feasible = pick >= 0;
                choice[g] = pick;
                score += feasible ? pickScore : 0;
            }

            if (feasible && score > bestScore)
            {
                bestScore = score;
                best = (int[])choice.Clone();
            }
        }

        return best;
    }

    private static bool InBand(Option option, double[] lows, double target, bool ratio)
    {
        for (var k = 0; k < lows.Length; k++)
        {
            if (option.Unconstrained[k])
            {
                continue;
            }

            if (option.Rates[k] is not { } rate)
            {
                return false;
            }

            var high = ratio ? (target <= 0 ? double.PositiveInfinity : lows[k] / target) : lows[k] + target;
            if (rate < lows[k] - Tolerance || rate > high + Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The band floors worth trying for rate kind <paramref name="k"/>: rates some group reaches, thinned evenly.</summary>
    private double[] Grid(int k, bool ratio, int cap)
    {
        var values = _options.SelectMany(o => o).Where(o => !o.Unconstrained[k] && o.Rates[k] is not null).Select(o => o.Rates[k]!.Value)
            .Where(v => !ratio || v > 0).Distinct().Order().ToArray();
        if (values.Length <= cap)
        {
            return values.Length == 0 ? [0] : values;
        }

        return [.. Enumerable.Range(0, cap).Select(i => values[(int)Math.Round((double)i * (values.Length - 1) / (cap - 1))]).Distinct()];
    }

    private static IEnumerable<double[]> Combinations(double[][] grids) =>
        grids.Length == 1
            ? grids[0].Select(a => new[] { a })
            : grids[0].SelectMany(a => grids[1].Select(b => new[] { a, b }));

    /// <summary>One candidate threshold of one group: its rates, correct decisions and decisions changed from today.</summary>
    /// <remarks><see cref="Score"/> ranks options: most correct decisions first, then fewest changes; without labels only the changes count.</remarks>
    private sealed record Option(double Threshold, double?[] Rates, bool[] Unconstrained, long Score)
    {
        public static Option Of(double threshold, ConfusionCounts cells, ConfusionCounts current, GroupRateKind[] kinds, bool labelled, long rows) => new(
            threshold,
            [.. kinds.Select(k => FairnessAggregator.Rate(k, cells, DefinitionProfile.Strict))],
            [.. kinds.Select(k => k switch
            {
                GroupRateKind.Tpr => cells.ActualPositives == 0,
                GroupRateKind.Fpr => cells.ActualNegatives == 0,
                _ => false,
            })],
            (labelled ? (cells.Tp + cells.Tn) * (rows + 1) : 0) - Math.Abs(cells.PredictedPositives - current.PredictedPositives));
    }
}
