using ModelCert.Core;

using Xunit;

namespace ModelCert.Data.Tests.Fuzzing;

/// <summary>
/// The property every data file must have, however damaged: each public entry point (Describe, Open/ReadAll,
/// Fingerprint) either succeeds with a consistent frame, or throws an <see cref="InputException"/> whose one-line
/// message names the file. Anything else is collected as a failure naming the case.
/// </summary>
internal sealed class ReadOrRefuse
{
    private static readonly DatasetReadOptions Options = new() { Threads = 1, ChunkRows = 64 };

    private readonly List<string> _failures = [];

    public int Cases { get; private set; }

    public int Refused { get; private set; }

    /// <summary>
    /// Reads <paramref name="path"/> with ReadAll and Fingerprint, and with Describe unless <paramref name="describe"/>
    /// is false (it repeats ReadAll's first step, so the random loops call it on every other case to save time);
    /// <paramref name="label"/> says how the input was made.
    /// </summary>
    public void Check(string path, string label, bool describe = true)
    {
        Cases++;
        var described = describe ? Attempt(path, label, "Describe", () => DatasetReader.Describe(path, Options)) : null;
        var frame = Attempt(path, label, "ReadAll", () => DatasetReader.ReadAll(path, Options));
        if (frame is null)
        {
            Refused++;
            return;
        }

        if (frame.Columns.FirstOrDefault(c => c.Length != frame.RowCount) is { } ragged)
        {
            _failures.Add($"{label}: column '{ragged.Name}' has {ragged.Length} values, the frame {frame.RowCount} rows");
        }

        if (described is not null && !described.Columns.Select(c => c.Name).SequenceEqual(frame.Columns.Select(c => c.Name), StringComparer.Ordinal))
        {
            _failures.Add($"{label}: Describe gave other columns than ReadAll");
        }

        Attempt(path, label, "Fingerprint", () => DatasetReader.Fingerprint(path, described ?? frame.Schema, frame.RowCount));
    }

    /// <summary>Fails the test with every case that broke the property.</summary>
    public void AssertNoCrash()
    {
        Assert.True(Cases > 0, "no case was run");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {Cases} cases broke the property:\n{string.Join('\n', _failures.Take(40))}");
    }

    private T? Attempt<T>(string path, string label, string entryPoint, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (InputException error)
        {
            if (!error.Message.Contains(path, StringComparison.Ordinal) || error.Message.Contains('\n', StringComparison.Ordinal))
            {
                _failures.Add($"{label}: {entryPoint} refused it without naming the file on one line: {error.Message}");
            }

            return null;
        }
#pragma warning disable CA1031 // Every other exception is the finding this harness exists to report.
        catch (Exception error)
#pragma warning restore CA1031
        {
            _failures.Add($"{label}: {entryPoint} threw {error.GetType().Name}: {Shorten(error.Message)} at {TopFrames(error)}");
            return null;
        }
    }

    private static string TopFrames(Exception error) =>
        string.Join(" < ", (error.StackTrace ?? string.Empty).Split('\n').Take(3).Select(f => f.Trim()));

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + "...";
    }
}
