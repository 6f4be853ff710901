using System.Diagnostics;
using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Single-row scoring latency: <c>runs</c> calls of the model on one test row each (rows taken in turn), timed with
/// <see cref="Stopwatch"/> around the scorer's call (input tensors, the run, reading the output), after
/// <see cref="WarmUp"/> untimed calls. Reports p50, p95 and p99 in milliseconds with distribution-free intervals
/// and decides on <c>percentile</c>. A wall-clock measurement: it depends on the machine and its load, so it is
/// not reproducible from the seed as the other robustness checks are.
/// </summary>
public sealed class LatencyCheck : ICheck
{
    public const int DefaultRuns = 500;
    public const int WarmUp = 20;

    /// <summary>Distinct one-row frames built before timing; the runs cycle through them.</summary>
    private const int DistinctRows = 256;

    private static readonly int[] Percentiles = [50, 95, 99];

    public string Id => "robustness.latency";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: false) is { } unavailable)
        {
            return [unavailable];
        }

        var model = data.Model!;
        var runs = requirement.Parameters.Integer("runs", DefaultRuns);
        var chosen = int.Parse(requirement.Parameters.Choice("percentile", "95"), CultureInfo.InvariantCulture);
        var frames = Enumerable.Range(0, Math.Min(DistinctRows, data.Rows)).Select(r => FrameEdit.Take(data.Test, [r])).ToList();
        var milliseconds = new double[runs];
        for (var r = -WarmUp; r < runs; r++)
        {
            var frame = frames[((r % frames.Count) + frames.Count) % frames.Count];
            var start = Stopwatch.GetTimestamp();
            if (ModelScoring.TryScore(model, frame, out var problem) is null)
            {
                return [CheckResults.Error(requirement, $"the model could not score a single row of {data.TestOrigin}: {problem}")];
            }

            if (r >= 0)
            {
                milliseconds[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Array.Sort(milliseconds);
        var points = new List<Dictionary<string, object?>>();
        (double Value, (double Low, double High) Interval) decided = default;
        foreach (var percentile in Percentiles)
        {
            var measured = OrderStatistics.Quantile(milliseconds, percentile / 100.0, requirement.Confidence);
            points.Add(RobustnessDetails.Point(percentile, measured.Value, measured.Interval));
            if (percentile == chosen)
            {
                decided = measured;
            }
        }

        var details = new Dictionary<string, object?>
        {
            ["runs"] = runs,
            ["warm_up_runs"] = WarmUp,
            ["percentile"] = chosen,
            ["mean_ms"] = milliseconds.Average(),
            ["max_ms"] = milliseconds[^1],
            ["measured"] = "wall time of one scoring call on a one-row frame (tensor fill, model run, output read), Stopwatch",
        };
        RobustnessDetails.AddCurve(details, "percentile", "latency (ms)", points);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"p50 {PercentileInterval.Quantile(milliseconds, 0.5):0.###} ms, p{chosen} {decided.Value:0.###} ms over {runs} single-row calls");
        return [CheckResults.Decide(requirement, new Measurement(decided.Value, decided.Interval, runs), details: details, note: note)];
    }
}
