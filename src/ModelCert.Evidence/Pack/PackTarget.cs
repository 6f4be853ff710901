using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

using ModelCert.Core;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// Decides, before any work is done, whether a pack may be written at a path, so a certification never runs for
/// minutes and then finds it cannot write its output. A pack goes to a path that does not exist, to an empty folder,
/// or over a previous pack: a folder whose every file its own manifest lists (nothing the user put there is deleted).
/// Anything else is refused with the reason. It also removes the temporary siblings that a killed writer left.
/// </summary>
public static class PackTarget
{
    /// <summary>Checks the folder target; true when something is there that the writer must replace.</summary>
    /// <exception cref="InputException">The path holds a file, or a folder that is neither empty nor a previous pack.</exception>
    public static bool CheckFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new InputException($"output '{folder}' is a file; a pack is a folder: name a new folder with --out");
        }

        if (!Directory.Exists(full))
        {
            return false;
        }

        var present = Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories)
            .Where(File.Exists)
            .Select(p => Path.GetRelativePath(full, p).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        if (present.Count == 0)
        {
            return true;
        }

        var manifestPath = Path.Combine(full, PackFileNames.Manifest);
        var manifest = File.Exists(manifestPath) && new FileInfo(manifestPath).Length <= PackSource.MaxParsedBytes
            ? PackManifest.Parse(File.ReadAllBytes(manifestPath), out _)
            : null;
        if (manifest is null)
        {
            throw new InputException($"output folder '{folder}' already exists and is not an evidence pack (no readable {PackFileNames.Manifest}); remove it or name another folder with --out");
        }

        var listed = manifest.Files.Select(f => f.Path).Append(PackFileNames.Manifest).Append(PackFileNames.LogProof).ToHashSet(StringComparer.Ordinal);
        var foreign = present.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return foreign.Count == 0
            ? true
            : throw new InputException($"output folder '{folder}' holds a previous pack plus files it does not list ({string.Join(", ", foreign.Take(5))}); replacing it would delete them: move them out, or name another folder with --out");
    }

    /// <summary>Checks the zip target; true when a previous pack's zip is there to replace.</summary>
    /// <exception cref="InputException">The path holds a folder, or a file that is not a pack's zip.</exception>
    public static bool CheckZip(string zipPath)
    {
        var full = Path.GetFullPath(zipPath);
        if (Directory.Exists(full))
        {
            throw new InputException($"zip output '{zipPath}' is a folder; remove it or write the pack elsewhere");
        }

        if (!File.Exists(full))
        {
            return false;
        }

        try
        {
            using var zip = ZipFile.OpenRead(full);
            if (zip.GetEntry(PackFileNames.Manifest) is not null)
            {
                return true;
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip at all: refused below like any other file.
        }

        throw new InputException($"zip output '{zipPath}' already exists and is not an evidence pack's zip; remove it or write the pack elsewhere");
    }

    /// <summary>
    /// Removes the hidden temporary siblings (<c>.NAME.PID.ID.tmp</c>) of <paramref name="target"/> left by writers
    /// that no longer run (killed mid-write); those of running processes are left alone. Returns what was removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTemporaries(string target)
    {
        var full = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(full);
        var prefix = "." + Path.GetFileName(full) + ".";
        if (parent is null || !Directory.Exists(parent))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, prefix + "*.tmp"))
        {
            var parts = Path.GetFileName(entry)[prefix.Length..].Split('.');
            if (parts is not [var pid, { Length: 32 }, "tmp"] || !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || IsRunning(id))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }

            removed.Add(entry);
        }

        return removed;
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
