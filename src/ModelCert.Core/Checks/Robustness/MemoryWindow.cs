using System.Diagnostics;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>One measurement window for <see cref="ConcurrentMemoryCheck"/>: callers released together by a barrier, the working set sampled meanwhile.</summary>
internal static class MemoryWindow
{
    /// <summary>The process's working set in bytes after a full garbage collection.</summary>
    public static long Baseline()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static (double PeakBytes, double AllocatedBytes)? Measure(IReadOnlyList<IFrameScorer> callers, Frame frame, long baseline, out string? problem)
    {
        problem = null;
        using var process = Process.GetCurrentProcess();
        var peak = baseline;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var failures = new string?[callers.Count];
        using var start = new Barrier(callers.Count + 1);
        var threads = callers.Select((caller, c) => new Thread(() =>
        {
            start.SignalAndWait();
            ModelScoring.TryScore(caller, frame, out failures[c]);
        })).ToList();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.SignalAndWait();
        while (threads.Any(t => t.IsAlive))
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            Thread.Sleep(1);
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        problem = failures.FirstOrDefault(f => f is not null);
        return problem is null ? (peak - baseline, allocated) : null;
    }
}
