using System.Text;

namespace ModelCert.Data.Tests.Fuzzing;

/// <summary>
/// The real files the data fuzzer starts from: a 200-row slice of the shared adult test set as CSV and TSV, and the
/// same rows written by DuckDB (through our own binding) as Parquet and JSON lines.
/// </summary>
internal sealed class FuzzCorpus : IDisposable
{
    public const int Rows = 200;

    private FuzzCorpus(TempDirectory directory, string csvText)
    {
        Directory = directory;
        CsvText = csvText;
        Csv = File.ReadAllBytes(directory.Write("seed.csv", csvText));
        Tsv = Encoding.UTF8.GetBytes(csvText.Replace(',', '\t'));
        using var database = DuckDbDatabase.OpenInMemory(threads: 1);
        using var connection = database.Connect();
        var source = SqlText.Literal(directory.File("seed.csv"));
        connection.Execute($"COPY (SELECT * FROM read_csv({source}, header = true)) TO {SqlText.Literal(directory.File("seed.parquet"))} (FORMAT parquet)");
        connection.Execute($"COPY (SELECT * FROM read_csv({source}, header = true)) TO {SqlText.Literal(directory.File("seed.jsonl"))} (FORMAT json)");
        Parquet = File.ReadAllBytes(directory.File("seed.parquet"));
        JsonLines = File.ReadAllBytes(directory.File("seed.jsonl"));
    }

    public TempDirectory Directory { get; }

    /// <summary>The header and 200 rows of adult/test.csv, as text.</summary>
    public string CsvText { get; }

    public byte[] Csv { get; }

    public byte[] Tsv { get; }

    public byte[] Parquet { get; }

    public byte[] JsonLines { get; }

    /// <summary>Builds the corpus in a fresh temporary directory (skips, or fails under CI, without ../shared).</summary>
    public static FuzzCorpus Create()
    {
        var lines = File.ReadLines(SharedData.Require("datasets/adult/test.csv")).Take(Rows + 1);
        return new FuzzCorpus(new TempDirectory(), string.Join('\n', lines) + "\n");
    }

    /// <summary>Writes one case's bytes as <paramref name="name"/> in the corpus folder and returns its path.</summary>
    public string WriteCase(FormattableString name, byte[] bytes)
    {
        var path = Directory.File(name.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Dispose();
}
