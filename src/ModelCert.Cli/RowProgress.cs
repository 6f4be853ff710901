using System.Diagnostics;
using System.Globalization;

namespace ModelCert.Cli;

/// <summary>
/// Shows how many rows a long step has done on stderr: a live line on a terminal, otherwise a line every few
/// seconds once the step has run for a while, so logs of CI runs show progress without noise on small inputs.
/// </summary>
internal sealed class RowProgress(CliConsole console, string verb) : IProgress<long>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown;
    private bool _shownLive;

    public void Report(long value)
    {
        var elapsed = _clock.Elapsed;
        var interval = console.IsInteractive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        if (elapsed - _lastShown < interval || elapsed < TimeSpan.FromSeconds(console.IsInteractive ? 0.5 : 2))
        {
            return;
        }

        _lastShown = elapsed;
        var line = string.Create(CultureInfo.InvariantCulture, $"{verb} {value:N0} rows ({value / elapsed.TotalSeconds:N0} rows/s)");
        if (console.IsInteractive)
        {
            console.Error.Write($"\r{line}   ");
            _shownLive = true;
        }
        else
        {
            console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends a live line so the next message starts on its own line.</summary>
    public void Finish()
    {
        if (_shownLive)
        {
            console.Error.WriteLine();
            _shownLive = false;
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;
}
