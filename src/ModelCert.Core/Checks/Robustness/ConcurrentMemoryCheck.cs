using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Peak extra memory while <c>callers</c> independent callers (<see cref="IFrameScorer.CreateCaller"/>: each with its
/// own buffers over the same loaded model) each score a frame of <c>batch_rows</c> test rows at the same moment.
/// What is measured: the process's resident working set, sampled every millisecond from before the callers start
/// until the last finishes, minus the working set before the first callers were created (after a full garbage collection) — native memory of
/// the model runtime included, which the GC alone would not see. Repeated <c>runs</c> times with fresh callers: the value is the median
/// and the interval the range over the repetitions. Managed allocations during the window (GC total allocated bytes)
/// are reported beside it. A machine-dependent measurement, not reproducible from the seed; memory the process already holds from
/// earlier work (pages the runtime keeps after earlier scoring) can be reused by the callers and is not counted.
/// The sample size is the rows scored.
/// </summary>
public sealed class ConcurrentMemoryCheck : ICheck
{
    public const int DefaultCallers = 4;
    public const int DefaultRuns = 3;
    public const int DefaultBatchRows = 10_000;
    private const double MiB = 1024 * 1024;

    public string Id => "robustness.concurrent-memory";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: false) is { } unavailable)
        {
            return [unavailable];
        }

        var callerCount = requirement.Parameters.Integer("callers", DefaultCallers);
        var runs = requirement.Parameters.Integer("runs", DefaultRuns);
        var batch = requirement.Parameters.Integer("batch_rows", DefaultBatchRows);
        if (data.Model!.CreateCaller() is not { } probe)
        {
            return [CheckResults.Skipped(requirement, "the model's scorer cannot create independent callers, so it cannot be measured under concurrency")];
        }

        (probe as IDisposable)?.Dispose();
        var frame = FrameEdit.Take(data.Test, [.. Enumerable.Range(0, batch).Select(i => i % data.Rows)]);
        var baseline = MemoryWindow.Baseline();
        var peaks = new double[runs];
        var allocated = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            // Fresh callers each run, so every run pays for its callers' buffers.
            var callers = Enumerable.Range(0, callerCount).Select(_ => data.Model.CreateCaller()!).ToList();
            try
            {
                var measured = MemoryWindow.Measure(callers, frame, baseline, out var problem);
                if (measured is null)
                {
                    return [CheckResults.Error(requirement, $"a concurrent caller could not score {batch} rows of {data.TestOrigin}: {problem}")];
                }

                (peaks[r], allocated[r]) = (measured.Value.PeakBytes / MiB, measured.Value.AllocatedBytes / MiB);
            }
            finally
            {
                foreach (var caller in callers)
                {
                    (caller as IDisposable)?.Dispose();
                }
            }
        }

        var sorted = peaks.Order().ToArray();
        var median = sorted[runs / 2];
        var details = new Dictionary<string, object?>
        {
            ["callers"] = callerCount,
            ["batch_rows"] = batch,
            ["runs"] = runs,
            ["baseline_working_set_mib"] = baseline / MiB,
            ["peak_extra_working_set_mib"] = peaks.ToList(),
            ["managed_allocated_mib"] = allocated.ToList(),
            ["measured"] = "peak process working set while the callers score (sampled every 1 ms) minus the working set before any caller was created (after a full GC); interval = range over runs",
        };
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{callerCount} concurrent callers scoring {batch} rows each raise the resident memory by a median peak of {median:0.#} MiB (range {sorted[0]:0.#} to {sorted[^1]:0.#} MiB over {runs} runs)");
        var rowsScored = (long)runs * callerCount * batch;
        return [CheckResults.Decide(requirement, new Measurement(median, (sorted[0], sorted[^1]), rowsScored), details: details, note: note)];
    }
}
