using System.Globalization;

namespace ModelCert.Evidence.Log;

/// <summary>
/// Where a log keeps its signed checkpoints: <c>checkpoints/&lt;tree size, 20 digits&gt;.note</c>, one signed
/// note per append, never replaced, so the whole history of tree heads stays checkable.
/// </summary>
internal static class CheckpointFiles
{
    public const string FolderName = "checkpoints";

    public const string Extension = ".note";

    public static string Folder(string logFolder) => Path.Combine(logFolder, FolderName);

    public static string PathFor(string logFolder, long treeSize) =>
        Path.Combine(Folder(logFolder), treeSize.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The checkpoint files with the tree size their name claims (null when the name is not a size), smallest first.</summary>
    public static IReadOnlyList<(string Path, long? NamedSize)> List(string logFolder)
    {
        var folder = Folder(logFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(path => (Path: path, NamedSize: long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : (long?)null))
            .OrderBy(f => f.NamedSize ?? long.MaxValue)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    public static string Relative(string logFolder, string path) => System.IO.Path.GetRelativePath(logFolder, path).Replace('\\', '/');
}
