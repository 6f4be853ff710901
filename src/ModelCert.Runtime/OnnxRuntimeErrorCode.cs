namespace ModelCert.Runtime;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c> values; a newer runtime may report codes beyond these.</summary>
public enum OnnxRuntimeErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    ExecutionProviderFail = 11,
}
