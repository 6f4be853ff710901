using System.IO.Compression;

using ModelCert.Core;

namespace ModelCert.Evidence.Pack;

/// <summary>The files of a pack to verify, from a folder or a zip, by '/'-separated relative path.</summary>
internal abstract class PackSource : IDisposable
{
    /// <summary>The largest file we read whole (manifest, attestation, proof, key); real ones are a few kilobytes.</summary>
    public const int MaxParsedBytes = 16 << 20;

    /// <summary>The relative paths of every file, sorted.</summary>
    public abstract IReadOnlyList<string> Files { get; }

    /// <summary>Problems with the container itself (odd or duplicate zip entries).</summary>
    public List<VerificationCheck> Problems { get; } = [];

    /// <summary>A folder or a zip file.</summary>
    /// <exception cref="InputException">Neither exists at <paramref name="path"/>.</exception>
    public static PackSource Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new FolderSource(path);
        }

        if (File.Exists(path))
        {
            return new ZipSource(path);
        }

        throw new InputException($"evidence pack '{path}' does not exist (expected a pack folder or a .zip)");
    }

    public bool Contains(string path) => Files.Contains(path, StringComparer.Ordinal);

    public abstract Stream OpenRead(string path);

    /// <summary>The whole content of a small file; null with <paramref name="error"/> when it is missing, unreadable or too large.</summary>
    public byte[]? ReadAll(string path, out string? error)
    {
        if (!Contains(path))
        {
            error = $"the pack has no {path}";
            return null;
        }

        try
        {
            using var stream = OpenRead(path);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > MaxParsedBytes)
                {
                    error = $"{path} is larger than {MaxParsedBytes} bytes";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            error = null;
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error = $"{path} cannot be read: {ex.Message}";
            return null;
        }
    }

    public abstract void Dispose();

    private sealed class FolderSource(string folder) : PackSource
    {
        public override IReadOnlyList<string> Files { get; } = Directory
            .EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        public override Stream OpenRead(string path) =>
            new FileStream(Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar)), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

        public override void Dispose()
        {
        }
    }

    private sealed class ZipSource : PackSource
    {
        private readonly ZipArchive? _zip;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

        public ZipSource(string path)
        {
            var name = Path.GetFileName(path);
            try
            {
                _zip = ZipFile.OpenRead(path);
                foreach (var entry in _zip.Entries)
                {
                    if (entry.FullName.EndsWith('/') && entry.Length == 0)
                    {
                        continue;
                    }

                    if (PackFileNames.CheckRelativePath(entry.FullName) is { } problem)
                    {
                        Problems.Add(VerificationCheck.Fail("pack", name, $"zip entry {problem}"));
                    }
                    else if (!_entries.TryAdd(entry.FullName, entry))
                    {
                        Problems.Add(VerificationCheck.Fail("pack", entry.FullName, $"the zip holds '{entry.FullName}' twice"));
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                Problems.Add(VerificationCheck.Fail("pack", name, $"'{path}' is not a readable zip: {ex.Message}"));
            }

            Files = _entries.Keys.Order(StringComparer.Ordinal).ToList();
        }

        public override IReadOnlyList<string> Files { get; }

        public override Stream OpenRead(string path) => _entries[path].Open();

        public override void Dispose() => _zip?.Dispose();
    }
}
