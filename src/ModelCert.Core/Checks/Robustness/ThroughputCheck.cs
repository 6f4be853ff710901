using System.Diagnostics;
using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Batch throughput: a frame of <c>batch_rows</c> test rows (cycled when the test set is smaller) scored
/// <c>runs</c> times after one untimed run, each timed with <see cref="Stopwatch"/>. The value is the median rows per
/// second, with a distribution-free interval for the median over the runs; the sample size is the rows timed. A wall-clock measurement, machine-dependent.
/// </summary>
public sealed class ThroughputCheck : ICheck
{
    public const int DefaultBatchRows = 10_000;
    public const int DefaultRuns = 5;

    public string Id => "robustness.throughput";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: false) is { } unavailable)
        {
            return [unavailable];
        }

        var model = data.Model!;
        var batch = requirement.Parameters.Integer("batch_rows", DefaultBatchRows);
        var runs = requirement.Parameters.Integer("runs", DefaultRuns);
        var frame = FrameEdit.Take(data.Test, [.. Enumerable.Range(0, batch).Select(i => i % data.Rows)]);
        var rates = new double[runs];
        for (var r = -1; r < runs; r++)
        {
            var start = Stopwatch.GetTimestamp();
            if (ModelScoring.TryScore(model, frame, out var problem) is null)
            {
                return [CheckResults.Error(requirement, $"the model could not score a batch of {batch} rows of {data.TestOrigin}: {problem}")];
            }

            if (r >= 0)
            {
                rates[r] = batch / Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-9);
            }
        }

        var sorted = rates.Order().ToArray();
        var (median, interval) = OrderStatistics.Quantile(sorted, 0.5, requirement.Confidence);
        var details = new Dictionary<string, object?>
        {
            ["batch_rows"] = batch,
            ["runs"] = runs,
            ["rows_per_second"] = rates.ToList(),
            ["measured"] = "wall time of one scoring call on a batch_rows-row frame (tensor fill, model run in the scorer's batches, output read), Stopwatch",
        };
        var note = string.Create(CultureInfo.InvariantCulture, $"median {median:N0} rows/s over {runs} runs of {batch} rows (range {sorted[0]:N0} to {sorted[^1]:N0})");
        return [CheckResults.Decide(requirement, new Measurement(median, interval, (long)runs * batch), details: details, note: note)];
    }
}
