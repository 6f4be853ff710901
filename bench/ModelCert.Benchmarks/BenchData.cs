using System.Text;
using ModelCert.Data;

namespace ModelCert.Benchmarks;

/// <summary>
/// The benchmark dataset: ../shared/datasets/adult/test.csv replicated to <see cref="Rows"/> rows, as CSV and
/// as Parquet, made once under artifacts/bench-data (outside git).
/// </summary>
internal static class BenchData
{
    public const int Rows = 1_000_000;

    public static string Root { get; } = FindRoot();

    public static string Shared(string relative)
    {
        var path = Path.Combine(Root, "..", "shared", relative);
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"Benchmarks need ../shared beside the checkout: {relative}");
    }

    public static string Csv => Ensure().Csv;

    public static string Parquet => Ensure().Parquet;

    public static (string Csv, string Parquet) Ensure()
    {
        var folder = Path.Combine(Root, "artifacts", "bench-data");
        var csv = Path.Combine(folder, $"adult-{Rows}.csv");
        var parquet = Path.ChangeExtension(csv, ".parquet");
        if (File.Exists(csv) && File.Exists(parquet))
        {
            return (csv, parquet);
        }

        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(Shared("datasets/adult/test.csv"));
        using (var writer = new StreamWriter(csv + ".tmp", false, new UTF8Encoding(false)))
        {
            writer.Write(lines[0] + "\n");
            for (var row = 0; row < Rows; row++)
            {
                writer.Write(lines[1 + (row % (lines.Length - 1))]);
                writer.Write('\n');
            }
        }

        File.Move(csv + ".tmp", csv, overwrite: true);
        using var database = DuckDbDatabase.OpenInMemory();
        using var connection = database.Connect();
        connection.Execute($"COPY (SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}')) TO '{parquet.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)");
        return (csv, parquet);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
