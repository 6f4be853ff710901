using System.Globalization;
using System.Text;
using ModelCert.Core.Checks.Security;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// The rules a tensor's external data location must keep: a relative path, no <c>..</c>, no absolute or rooted form
/// (POSIX, Windows drive or UNC), resolving inside the model's folder through no symbolic link, to an existing regular
/// file with one hard link, whose offset and length fit it. Files are only looked at (statx), never opened.
/// </summary>
internal sealed class ExternalDataRules(string modelFolder)
{
    /// <summary>Linux's NAME_MAX and PATH_MAX - 1: longer names make statx fail (ENAMETOOLONG).</summary>
    private const int MaxNameBytes = 255;
    private const int MaxPathBytes = 4095;

    private readonly string _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelFolder));
    private readonly List<ExternalDataReference> _references = [];
    private readonly Dictionary<string, long> _files = new(StringComparer.Ordinal);

    public IReadOnlyList<ExternalDataReference> References => _references;

    /// <summary>The sizes of the distinct files that passed, summed (saturating).</summary>
    public long TotalBytes => _files.Values.Aggregate(0L, (sum, bytes) => bytes > long.MaxValue - sum ? long.MaxValue : sum + bytes);

    /// <summary>Records the tensor's external data; returns why it is refused, or null when it keeps every rule.</summary>
    public string? Check(string label, ExternalEntries entries)
    {
        if (entries.Locations == 0)
        {
            return $"{label} says its data is external but names no location";
        }

        var location = entries.Location!;
        var shown = InspectionWalker.Display(location);
        string? problem;
        long? bytes = null;
        if (entries.Locations > 1)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"one of {entries.Locations} locations; ONNX allows one");
        }
        else if (PathProblem(location) is { } pathProblem)
        {
            problem = pathProblem;
        }
        else
        {
            var full = Path.GetFullPath(Path.Combine(_folder, location));
            problem = FileProblem(full, out var size) ?? RangeProblem(entries, size);
            if (problem is null)
            {
                bytes = size;
                _files[full] = size;
            }
        }

        _references.Add(new ExternalDataReference(label, shown, bytes));
        return problem is null ? null : $"{label} keeps its data in external file '{shown}', {problem}";
    }

    /// <summary>The textual rules, judged before the file system is asked anything.</summary>
    private string? PathProblem(string location)
    {
        if (location.Length == 0)
        {
            return "an empty path";
        }

        if (location.Any(char.IsControl))
        {
            return "whose path holds a control character";
        }

        if (location[0] is '/' or '\\' || Path.IsPathRooted(location) || (location.Length >= 2 && char.IsAsciiLetter(location[0]) && location[1] == ':'))
        {
            return "which is an absolute path; external data must be relative to the model's folder";
        }

        if (location.Split('/', '\\').Any(segment => segment == ".."))
        {
            return "outside the model's folder (the path climbs out with '..')";
        }

        var full = Path.GetFullPath(Path.Combine(_folder, location));
        if (!full.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "which resolves outside the model's folder";
        }

        return Encoding.UTF8.GetByteCount(full) > MaxPathBytes || location.Split('/', '\\').Any(segment => Encoding.UTF8.GetByteCount(segment) > MaxNameBytes)
            ? "a name longer than the file system allows (255 bytes a name, 4095 a path)"
            : null;
    }

    /// <summary>Each folder on the way and the file itself, looked at without following links.</summary>
    private string? FileProblem(string full, out long size)
    {
        size = 0;
        if (!FileStatus.Supported)
        {
            return "which cannot be checked for hard links on this platform; external data is accepted on Linux only";
        }

        var parts = Path.GetRelativePath(_folder, full).Split(Path.DirectorySeparatorChar);
        var path = _folder;
        for (var i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            var last = i == parts.Length - 1;
            FileStatus status;
            try
            {
                status = FileStatus.Of(path);
            }
            catch (IOException ex)
            {
                return $"which cannot be looked at ({ex.Message})";
            }

            switch (status.Kind)
            {
                case FileKind.Missing:
                    return "which does not exist";
                case FileKind.SymbolicLink:
                    return last ? "which is a symbolic link (it could point anywhere)" : $"whose folder '{InspectionWalker.Display(parts[i])}' is a symbolic link (it could point anywhere)";
                case FileKind.Directory when !last:
                    continue;
                case FileKind.Regular when last:
                    if (status.Links > 1)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"which has {status.Links} hard links (it may be a file from outside the model's folder)");
                    }

                    size = status.Bytes;
                    return null;
                default:
                    return last ? "which is not a regular file (a folder, device or pipe)" : "which does not exist";
            }
        }

        return "which does not exist";
    }

    private static string? RangeProblem(ExternalEntries entries, long size)
    {
        long offset = 0;
        if (entries.Offset is { } offsetText && !TryBytes(offsetText, out offset))
        {
            return $"whose offset '{InspectionWalker.Display(offsetText)}' is not a whole number of bytes";
        }

        if (offset > size)
        {
            return string.Create(CultureInfo.InvariantCulture, $"whose offset {offset} lies past the file's {size} bytes");
        }

        if (entries.Length is { } lengthText)
        {
            if (!TryBytes(lengthText, out var length))
            {
                return $"whose length '{InspectionWalker.Display(lengthText)}' is not a whole number of bytes";
            }

            if (length > size - offset)
            {
                return string.Create(CultureInfo.InvariantCulture, $"whose offset {offset} and length {length} run past the file's {size} bytes");
            }
        }

        return null;
    }

    private static bool TryBytes(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
