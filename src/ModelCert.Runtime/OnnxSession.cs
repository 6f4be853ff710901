using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>
/// A loaded ONNX model, ready to run. Opening describes the graph once (inputs, outputs, metadata); <see cref="Run"/>
/// is safe to call from several threads at once, as ONNX Runtime allows. Dispose to release the native session.
/// </summary>
public sealed partial class OnnxSession : IDisposable
{
    private readonly OrtSessionHandle _handle;
    private readonly OnnxSessionOptions _options;

    private OnnxSession(string modelPath, OrtSessionHandle handle, OnnxSessionOptions options, IReadOnlyList<TensorInfo> inputs, IReadOnlyList<TensorInfo> outputs, ModelMetadata metadata)
    {
        ModelPath = modelPath;
        _handle = handle;
        _options = options;
        Inputs = inputs;
        Outputs = outputs;
        Metadata = metadata;
    }

    /// <summary>The ONNX Runtime library version in use (e.g. "1.30.0"); loads the library if needed.</summary>
    public static string RuntimeVersion => OrtApi.Instance.Version;

    /// <summary>The model path as given to <see cref="Open"/>.</summary>
    public string ModelPath { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public ModelMetadata Metadata { get; }

    /// <summary>
    /// Loads a model file. Problems with the file (missing, empty, not ONNX, truncated, rejected by the runtime) throw
    /// <see cref="ModelLoadException"/>; a missing or corrupt runtime library throws <see cref="Core.NativeEngineException"/>.
    /// </summary>
    public static OnnxSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        options ??= new OnnxSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.InterOpThreads, nameof(options));
        if (options.MemoryLimit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MemoryLimit, "the memory limit must be more than 0 bytes");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.MemoryLimitName, nameof(options));
        if (!Enum.IsDefined(options.Optimization))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Optimization, "unknown graph optimization level");
        }

        CheckFile(modelPath);
        var api = OrtApi.Instance;
        var handle = CreateSession(api, modelPath, options);
        try
        {
            return new OnnxSession(modelPath, handle, options, DescribeInputs(api, handle), DescribeOutputs(api, handle), ReadMetadata(api, handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();

    public override string ToString() => $"{ModelPath} ({Inputs.Count} inputs, {Outputs.Count} outputs)";
}
