using System.IO.Compression;

using ModelCert.Core;
using ModelCert.Evidence.IO;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// Writes a pack to disk all at once or not at all. A folder is written into a temporary sibling, every file is
/// fsynced, and the sibling is then renamed to the target, so a crash or an error never leaves a partial pack at
/// the target. A zip is written to a temporary sibling file and renamed the same way.
/// </summary>
public static class PackWriter
{
    /// <summary>Writes <paramref name="pack"/> as the folder <paramref name="target"/>.</summary>
    /// <exception cref="InputException">The target exists and <paramref name="overwrite"/> is false.</exception>
    public static void WriteFolder(EvidencePack pack, string target, bool overwrite = false) => WriteFolder(pack.Files, target, overwrite, afterFile: null);

    /// <summary>Writes <paramref name="pack"/> as the zip <paramref name="zipPath"/>, entries stamped with the manifest's creation time.</summary>
    /// <exception cref="InputException">The target exists and <paramref name="overwrite"/> is false.</exception>
    public static void WriteZip(EvidencePack pack, string zipPath, bool overwrite = false) => WriteZip(pack.Files, zipPath, pack.Manifest.CreatedAt, overwrite);

    /// <summary>Writes <paramref name="files"/> as the folder <paramref name="target"/>.</summary>
    /// <exception cref="InputException">The target exists and <paramref name="overwrite"/> is false.</exception>
    public static void WriteFolder(IReadOnlyDictionary<string, byte[]> files, string target, bool overwrite = false) =>
        WriteFolder(files, target, overwrite, afterFile: null);

    /// <summary>
    /// As <see cref="WriteFolder(IReadOnlyDictionary{string, byte[]}, string, bool)"/>, calling <paramref name="afterFile"/>
    /// with each file's path once it is durably written into the temporary folder (progress, and the crash tests'
    /// hook). Every file and folder is fsynced before the rename, and the parent folder after it.
    /// </summary>
    public static void WriteFolder(IReadOnlyDictionary<string, byte[]> files, string target, bool overwrite, Action<string>? afterFile)
    {
        ArgumentNullException.ThrowIfNull(files);
        var full = Path.GetFullPath(target);
        CheckTarget(full, overwrite);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = DurableFile.TemporarySibling(full);
        try
        {
            Directory.CreateDirectory(temporary);
            var folders = new SortedSet<string>(StringComparer.Ordinal) { temporary };
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var file = Path.Combine(temporary, path.Replace('/', Path.DirectorySeparatorChar));
                var folder = Path.GetDirectoryName(file)!;
                Directory.CreateDirectory(folder);
                folders.Add(folder);
                DurableFile.WriteNew(file, content);
                afterFile?.Invoke(path);
            }

            // Deepest first, so each folder is flushed after the entries inside it.
            foreach (var folder in folders.Reverse())
            {
                DirectorySync.Flush(folder);
            }

            Replace(temporary, full, overwrite);
            DirectorySync.Flush(parent);
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="files"/> as the zip <paramref name="zipPath"/>, entries in path order, each stamped
    /// <paramref name="timestamp"/> (use the manifest's <c>created_at</c>) so equal packs make equal zips.
    /// </summary>
    public static void WriteZip(IReadOnlyDictionary<string, byte[]> files, string zipPath, DateTimeOffset timestamp, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        var full = Path.GetFullPath(zipPath);
        if (!overwrite && (File.Exists(full) || Directory.Exists(full)))
        {
            throw new InputException($"output '{zipPath}' already exists; remove it or write elsewhere");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var stamp = timestamp.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : timestamp;
        var temporary = DurableFile.TemporarySibling(full);
        try
        {
            using (var stream = new FileStream(temporary, DurableFile.CreateOptions(unixMode: null)))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                    {
                        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                        entry.LastWriteTime = stamp;
                        using var entryStream = entry.Open();
                        entryStream.Write(content);
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
            DirectorySync.Flush(Path.GetDirectoryName(full)!);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void CheckTarget(string full, bool overwrite)
    {
        if (File.Exists(full))
        {
            throw new InputException($"output '{full}' is a file; a pack folder cannot replace it");
        }

        if (Directory.Exists(full) && !overwrite)
        {
            throw new InputException($"output folder '{full}' already exists; remove it or write elsewhere");
        }
    }

    private static void Replace(string temporary, string target, bool overwrite)
    {
        if (!overwrite || !Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }

        // The old pack steps aside, the new one moves in, then the old one goes: the target is never half-written.
        var old = DurableFile.TemporarySibling(target);
        Directory.Move(target, old);
        Directory.Move(temporary, target);
        Directory.Delete(old, recursive: true);
    }
}
