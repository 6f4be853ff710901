namespace ModelCert.Core;

/// <summary>A native engine (ONNX Runtime, DuckDB) is missing, corrupt or could not be loaded. The message says how to fix it.</summary>
public sealed class NativeEngineException : Exception
{
    public NativeEngineException()
    {
    }

    public NativeEngineException(string message)
        : base(message)
    {
    }

    public NativeEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
