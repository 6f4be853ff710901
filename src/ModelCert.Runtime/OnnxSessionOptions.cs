namespace ModelCert.Runtime;

/// <summary>How ONNX Runtime runs a session.</summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads used inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads used to run independent operators in parallel; 0 lets ONNX Runtime choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Graph rewrites applied when the model is loaded; they never change results beyond float rounding.</summary>
    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    /// <summary>
    /// The most memory, in bytes, the model's CPU tensors (outputs and intermediates its kernels allocate) may take;
    /// null leaves ONNX Runtime's own unbounded arena. A run that needs more fails with a message saying so instead of
    /// taking the memory, which bounds what a model can allocate from values computed at run time (ConstantOfShape,
    /// Expand, Tile ...). Sessions opened with the same limit share one arena, so the limit bounds their sum.
    /// </summary>
    public long? MemoryLimit { get; init; }

    /// <summary>How a failure names the limit and what raises it, e.g. "--model-memory" (default "the memory limit").</summary>
    public string MemoryLimitName { get; init; } = "the memory limit";
}
