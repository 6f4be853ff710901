namespace ModelCert.Evidence.IO;

/// <summary>
/// Writes files so that a crash leaves either the old content or the new, never a mix: the bytes go to a temporary
/// sibling, are flushed to the disk (fsync), and the sibling is then renamed over the target.
/// </summary>
internal static class DurableFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically and durably.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="content">The complete new content.</param>
    /// <param name="unixMode">On Unix, the permissions the file is created with (before it holds any byte).</param>
    /// <param name="overwrite">Whether an existing target may be replaced.</param>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, UnixFileMode? unixMode = null, bool overwrite = true)
    {
        var temporary = TemporarySibling(path);
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions(unixMode)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes a new file (failing if it exists) and flushes it to the disk.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content, UnixFileMode? unixMode = null)
    {
        using var stream = new FileStream(path, CreateOptions(unixMode));
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Options that create a new file for writing, with the Unix mode applied at creation where supported.</summary>
    public static FileStreamOptions CreateOptions(UnixFileMode? unixMode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (unixMode is { } mode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        return options;
    }

    /// <summary>A hidden, unique name beside <paramref name="path"/>.</summary>
    public static string TemporarySibling(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }
}
