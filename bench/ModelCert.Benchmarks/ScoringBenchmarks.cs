using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ModelCert.Core.Frames;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Benchmarks;

/// <summary>
/// Scoring the 1M-row adult replica: raw ONNX Runtime on tensors built beforehand (the ceiling), our scoring
/// path from an in-memory frame (fill tensors, run, read outputs), and end to end from the CSV file;
/// each with ONNX Runtime's own uncapped arena and with the capped one score and certify use (--model-memory).
/// </summary>
public class ScoringBenchmarks
{
    private const int BatchRows = 16384;
    private static readonly string[] XgbFeatures = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    private OnnxSession _session = null!;
    private Frame _frame = null!;
    private IReadOnlyList<InputBinding> _bindings = null!;
    private List<InputTensor[]> _prebuilt = null!;
    private readonly List<nint> _native = [];

    [Params("adult_lr", "adult_xgb")]
    public string Model { get; set; } = "adult_lr";

    /// <summary>"none": ORT's own uncapped arena; "2GiB": the capped arena score and certify use by default (--model-memory).</summary>
    [Params("none", "2GiB")]
    public string ModelMemory { get; set; } = "2GiB";

    private InputMappingOptions Mapping => new() { Features = Model == "adult_xgb" ? XgbFeatures : null, DataOrigin = BenchData.Csv };

    [GlobalSetup]
    public void Setup()
    {
        _frame = DatasetReader.ReadAll(BenchData.Parquet);
        var limit = ModelMemory == "none" ? null : MemorySize.TryParse(ModelMemory, out _);
        _session = OnnxSession.Open(BenchData.Shared($"models/adult/{Model}.onnx"), new OnnxSessionOptions { MemoryLimit = limit });
        _bindings = InputMapper.Resolve(_session.Inputs, _frame.Schema, Mapping, Model);
        _prebuilt = [];
        for (var start = 0; start < _frame.RowCount; start += BatchRows)
        {
            var count = Math.Min(BatchRows, _frame.RowCount - start);
            _prebuilt.Add([.. _bindings.Select(b => Prebuild(b, start, count))]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        foreach (var pointer in _native)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchData.Rows)]
    public int RawOnnxRuntime()
    {
        var outputs = 0;
        foreach (var inputs in _prebuilt)
        {
            outputs += _session.Run(inputs).Count;
        }

        return outputs;
    }

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public double ScoringPathFromFrame()
    {
        using var scorer = new ModelScorer(_session, _bindings, BenchData.Csv, new ScorerOptions { BatchRows = BatchRows });
        return scorer.Score(_frame, 0).Sum(b => b.Scores[0]);
    }

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public double EndToEndFromCsv()
    {
        using var source = DatasetReader.Open(BenchData.Csv);
        var bindings = InputMapper.Resolve(_session.Inputs, source.Schema, Mapping, Model);
        using var scorer = new ModelScorer(_session, bindings, BenchData.Csv, new ScorerOptions { BatchRows = BatchRows });
        return scorer.Score(source).Sum(b => b.Scores[0]);
    }

    /// <summary>A tensor holding exactly what the model takes, built outside the timed region.</summary>
    private InputTensor Prebuild(InputBinding binding, int start, int count)
    {
        var width = binding.Width;
        long[] shape = binding.IsRankOne ? [count] : [count, width];
        if (binding.Input.ElementType == TensorElementType.String)
        {
            var column = (StringColumn)_frame[binding.Columns[0]];
            var pointers = new nint[count];
            var table = new Dictionary<int, nint>();
            for (var i = 0; i < count; i++)
            {
                var code = column.Codes[start + i];
                if (!table.TryGetValue(code, out var pointer))
                {
                    pointer = Marshal.StringToCoTaskMemUTF8(column.Dictionary[code]);
                    _native.Add(pointer);
                    table.Add(code, pointer);
                }

                pointers[i] = pointer;
            }

            return InputTensor.Utf8Strings(binding.Input.Name, pointers, shape);
        }

        var values = new float[count * width];
        for (var j = 0; j < width; j++)
        {
            var column = _frame[binding.Columns[j]];
            for (var i = 0; i < count; i++)
            {
                values[(i * width) + j] = column switch
                {
                    Int64Column c => c.Values[start + i],
                    Float64Column c => (float)c.Values[start + i],
                    _ => throw new InvalidOperationException($"unexpected column kind for {column.Name}"),
                };
            }
        }

        return InputTensor.Float32(binding.Input.Name, values, shape);
    }
}
