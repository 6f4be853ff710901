using Spectre.Console;

namespace ModelCert.Cli;

/// <summary>The two streams a command writes to, so tests can run commands in process.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The clock for timestamps in results; tests pin it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether stderr is a terminal that can show a live progress line.</summary>
    public bool IsInteractive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>A Spectre console over <see cref="Out"/>: colours only on a real terminal, a fixed width otherwise.</summary>
    public IAnsiConsole CreateTerminal()
    {
        var isTerminal = ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            terminal.Profile.Width = 120;
        }

        return terminal;
    }
}
