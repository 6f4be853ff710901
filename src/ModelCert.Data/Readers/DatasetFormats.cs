using ModelCert.Core;

namespace ModelCert.Data;

/// <summary>Which format a file extension means.</summary>
internal static class DatasetFormats
{
    private static readonly (string Extension, DatasetFormat Format)[] Known =
    [
        (".csv", DatasetFormat.Csv),
        (".tsv", DatasetFormat.Csv),
        (".txt", DatasetFormat.Csv),
        (".parquet", DatasetFormat.Parquet),
        (".jsonl", DatasetFormat.JsonLines),
        (".ndjson", DatasetFormat.JsonLines),
        (".json", DatasetFormat.JsonLines),
    ];

    public static string SupportedExtensions => string.Join(", ", Known.Select(k => k.Extension));

    public static DatasetFormat FromPath(string path)
    {
        var extension = Path.GetExtension(path);
        foreach (var (known, format) in Known)
        {
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        var shown = extension.Length == 0 ? "no extension" : $"extension '{extension}'";
        throw new InputException(
            $"data file '{path}' has {shown}, which is not a known dataset format; supported: {SupportedExtensions} (or pass the format explicitly)");
    }

    public static bool HasExtension(string path, string extension) =>
        string.Equals(Path.GetExtension(path), extension, StringComparison.OrdinalIgnoreCase);
}
