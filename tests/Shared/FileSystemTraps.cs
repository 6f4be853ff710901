using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ModelCert.Tests;

/// <summary>
/// A named pipe outside a model's folder that shows whether anything opened it: a thread waits to open its write end,
/// which completes only when some reader opens the read end. Nothing blocks: disposing opens the read end itself,
/// without waiting (O_NONBLOCK), which releases a writer still waiting and is harmless when it is gone.
/// </summary>
internal sealed partial class FifoSentinel : IDisposable
{
    private readonly Thread _writer;
    private int _opened;
    private bool _released;

    public FifoSentinel(string path)
    {
        Path = path;
        FileSystemTraps.Run("mkfifo", path);
        _writer = new Thread(() =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            if (!Volatile.Read(ref _released))
            {
                Interlocked.Exchange(ref _opened, 1);
            }
        })
        { IsBackground = true };
        _writer.Start();
    }

    public string Path { get; }

    /// <summary>Whether a reader other than this sentinel has opened the pipe.</summary>
    public bool WasOpened => Volatile.Read(ref _opened) == 1;

    public void Dispose()
    {
        Volatile.Write(ref _released, true);
        const int ReadOnlyNonBlocking = 0x800;
        var descriptor = Open(Path, ReadOnlyNonBlocking);
        _writer.Join();
        if (descriptor >= 0)
        {
            _ = Close(descriptor);
        }

        File.Delete(Path);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}

/// <summary>Links and pipes the file-system tests need, made with the system's own tools.</summary>
internal static class FileSystemTraps
{
    /// <summary>A hard link at <paramref name="link"/> to <paramref name="target"/> (.NET has no API for one).</summary>
    public static void HardLink(string target, string link) => Run("ln", target, link);

    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit {process.ExitCode}: {error}");
        }
    }
}
