using BenchmarkDotNet.Attributes;
using ModelCert.Core.Frames;
using ModelCert.Data;

namespace ModelCert.Benchmarks;

/// <summary>
/// Reading the 1M-row adult replica into frames (dictionary-coded strings, typed numbers), beside what DuckDB itself
/// costs for the same CSV in the same run: the floor any reader through the engine has.
/// </summary>
public class IngestBenchmarks
{
    [GlobalSetup]
    public void Setup() => BenchData.Ensure();

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public Frame CsvToFrame() => DatasetReader.ReadAll(BenchData.Csv);

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public Frame ParquetToFrame() => DatasetReader.ReadAll(BenchData.Parquet);

    /// <summary>
    /// DuckDB parses every column of the CSV (sniffed as the reader's is, same options) into one aggregate per column,
    /// so no row leaves the engine: the engine's own cost of the parse, on every core.
    /// </summary>
    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public long CsvEngineParseOnly()
    {
        using var database = DuckDbDatabase.OpenInMemory();
        using var connection = database.Connect();
        var scan = Scan();
        using var described = connection.Prepare($"SELECT * FROM {scan}");
        var aggregates = Enumerable.Range(0, described.ColumnCount)
            .Select(c => $"max(\"{described.GetColumnName(c).Replace("\"", "\"\"", StringComparison.Ordinal)}\")");
        using var result = connection.Query($"SELECT count(*), {string.Join(", ", aggregates)} FROM {scan}");
        using var chunk = result.FetchChunk();
        return chunk!.GetInt64Values(0)[0];
    }

    /// <summary>DuckDB streams every row of the CSV out, as the reader consumes it, and the rows are dropped unread.</summary>
    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public long CsvEngineStreamOnly()
    {
        using var database = DuckDbDatabase.OpenInMemory();
        using var connection = database.Connect();
        connection.Execute("SET streaming_buffer_size = '64MB'");
        using var statement = connection.Prepare($"SELECT * FROM {Scan()}");
        using var result = statement.ExecuteStreaming();
        long rows = 0;
        while (result.FetchChunk() is { } chunk)
        {
            rows += chunk.RowCount;
            chunk.Dispose();
        }

        return rows;
    }

    private static string Scan() =>
        $"read_csv('{BenchData.Csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, delim = ',', "
        + "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, ignore_errors = false)";
}
