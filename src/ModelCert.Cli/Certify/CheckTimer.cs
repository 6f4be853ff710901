using System.Diagnostics;
using System.Globalization;

namespace ModelCert.Cli.Certify;

/// <summary>
/// Times each requirement's check on stderr (<c>certify: timed REQUIREMENT in W s wall, C s CPU</c>): the registry
/// reports each requirement as it starts, so a requirement's time runs until the next report or <see cref="Finish"/>.
/// CPU time is the whole process's, so on a busy machine it is the steadier figure. For benchmarks (bench/check-suite.sh);
/// results.json stays free of timings.
/// </summary>
internal sealed class CheckTimer(Action<string> status) : IProgress<string>
{
    private string? _current;
    private long _started;
    private TimeSpan _cpuStarted;

    public void Report(string value)
    {
        Finish();
        _current = value;
        _started = Stopwatch.GetTimestamp();
        _cpuStarted = CpuTime();
    }

    public void Finish()
    {
        if (_current is null)
        {
            return;
        }

        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var cpu = (CpuTime() - _cpuStarted).TotalSeconds;
        status(string.Create(CultureInfo.InvariantCulture, $"timed {_current} in {wall:0.000} s wall, {cpu:0.000} s CPU"));
        _current = null;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
