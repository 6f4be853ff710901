namespace ModelCert.Runtime.Interop;

/// <summary>
/// The process-wide ORT objects every session shares: the environment, the default CPU allocator and a CPU memory
/// description for tensors over caller memory. They are created once with the table and deliberately never released:
/// ORT requires the environment to outlive every session, and sessions may still be finalized while the process exits.
/// The default allocator is owned by ORT and must never be released at all.
/// </summary>
internal sealed unsafe partial class OrtApi
{
    /// <summary>
    /// ORT_LOGGING_LEVEL_FATAL: ORT reports every failure through a status, which ModelCert turns into one line naming
    /// the model; ORT's own error log would print the same failure again on stderr, several lines long with C++ source
    /// locations (a model failing at run time did), so only fatal messages are let through.
    /// </summary>
    public const int LogSeverityFatal = 4;

    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;

    /// <summary>The shared <c>OrtEnv*</c>.</summary>
    public nint Environment { get; private set; }

    /// <summary>ORT's default CPU allocator (<c>OrtAllocator*</c>); names and metadata strings come from it and go back to it.</summary>
    public nint DefaultAllocator { get; private set; }

    /// <summary>An <c>OrtMemoryInfo*</c> for ordinary CPU memory, used to wrap pinned managed buffers.</summary>
    public nint CpuMemoryInfo { get; private set; }

    private void CreateEnvironment()
    {
        nint env;
        fixed (byte* logId = "modelcert\0"u8)
        {
            Check(CreateEnv(LogSeverityFatal, logId, &env), "creating the ONNX Runtime environment");
        }

        nint allocator;
        Check(GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator");
        nint memoryInfo;
        Check(CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memoryInfo), "describing CPU memory");
        Environment = env;
        DefaultAllocator = allocator;
        CpuMemoryInfo = memoryInfo;
    }
}
