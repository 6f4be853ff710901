using BenchmarkDotNet.Attributes;
using ModelCert.Core.Frames;
using ModelCert.Data;

namespace ModelCert.Benchmarks;

/// <summary>Reading the 1M-row adult replica into frames (dictionary-coded strings, typed numbers).</summary>
public class IngestBenchmarks
{
    [GlobalSetup]
    public void Setup() => BenchData.Ensure();

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public Frame CsvToFrame() => DatasetReader.ReadAll(BenchData.Csv);

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public Frame ParquetToFrame() => DatasetReader.ReadAll(BenchData.Parquet);
}
