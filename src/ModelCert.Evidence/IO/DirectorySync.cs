using System.Runtime.InteropServices;

namespace ModelCert.Evidence.IO;

/// <summary>
/// Flushes a folder's entries (names, renames) to the disk: on Unix a file's fsync makes its bytes durable but not
/// its name, which lives in the folder, so a folder that gains a file or is renamed into place is fsynced too. .NET
/// cannot open a folder as a stream, so this calls the C library's <c>open</c>, <c>fsync</c> and <c>close</c>. On
/// Windows, NTFS journals names itself and folders cannot be flushed from user code; there it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22;

    /// <summary>Flushes <paramref name="folder"/>'s entries to the disk.</summary>
    /// <exception cref="IOException">The folder cannot be opened or flushed.</exception>
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open folder '{folder}' to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            // EINVAL: the file system does not support flushing folders (some FUSE and network mounts); nothing to do there.
            if (Fsync(descriptor) != 0 && Marshal.GetLastPInvokeError() is var error && error != InvalidArgument)
            {
                throw new IOException($"cannot flush folder '{folder}' to the disk (errno {error})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
