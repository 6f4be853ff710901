using ModelCert.Core;

namespace ModelCert.Runtime;

/// <summary>
/// A model file that cannot be opened: missing, empty, not ONNX, truncated, or rejected by ONNX Runtime.
/// The message is one line naming the file and the problem; the runtime's full report is the inner exception.
/// </summary>
public sealed class ModelLoadException : InputException
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="modelPath"/>; the message reads "model file 'PATH' PROBLEM".</summary>
    public ModelLoadException(string modelPath, string problem, Exception? innerException = null)
        : base($"model file '{modelPath}' {problem}", innerException!)
    {
        ModelPath = modelPath;
    }

    /// <summary>The model path as the caller gave it.</summary>
    public string ModelPath { get; } = string.Empty;
}
