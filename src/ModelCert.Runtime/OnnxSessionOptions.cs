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
}
