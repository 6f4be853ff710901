namespace ModelCert.Runtime;

/// <summary>ONNX Runtime reported a failure (a non-null <c>OrtStatus</c>); carries ORT's own code and message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException()
    {
    }

    public OnnxRuntimeException(string message)
        : base(message)
    {
        RuntimeMessage = message;
    }

    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuntimeMessage = message;
    }

    /// <summary>Creates the exception for an ORT status; <paramref name="context"/> says what we were doing.</summary>
    public OnnxRuntimeException(OnnxRuntimeErrorCode errorCode, string runtimeMessage, string? context = null)
        : base(context is null ? $"ONNX Runtime error {errorCode}: {runtimeMessage}" : $"{context}: ONNX Runtime error {errorCode}: {runtimeMessage}")
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
    }

    /// <summary>ORT's error code (<see cref="OnnxRuntimeErrorCode.Fail"/> when the exception did not come from a status).</summary>
    public OnnxRuntimeErrorCode ErrorCode { get; } = OnnxRuntimeErrorCode.Fail;

    /// <summary>ORT's message as it gave it, possibly several lines long.</summary>
    public string RuntimeMessage { get; } = string.Empty;
}
