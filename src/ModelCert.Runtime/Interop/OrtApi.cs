using System.Runtime.InteropServices;

using ModelCert.Native;

namespace ModelCert.Runtime.Interop;

/// <summary>
/// The ONNX Runtime C API: the <c>OrtApi</c> table of function pointers for API version 30, read once per process.
/// The table is append-only, so a slot index, counted in declaration order from the header's <c>struct OrtApi</c>,
/// never changes; every slot used here is listed in <see cref="OrtApi"/>'s constructor.
/// </summary>
internal sealed unsafe partial class OrtApi
{
    /// <summary>The API version this binding was written against (ONNX Runtime 1.30); 31 is not served by 1.30.</summary>
    public const uint ApiVersion = 30;

    private static readonly Lock Gate = new();
    private static OrtApi? instance;

    /// <summary>The loaded table; loads and verifies the library on first use (not cached on failure, so a fixed install is picked up).</summary>
    public static OrtApi Instance
    {
        get
        {
            var loaded = Volatile.Read(ref instance);
            if (loaded is not null)
            {
                return loaded;
            }

            lock (Gate)
            {
                instance ??= Load();
                return instance;
            }
        }
    }

    /// <summary>The library's own version string, e.g. "1.30.0".</summary>
    public string Version { get; private init; } = string.Empty;

    private static OrtApi Load()
    {
        var engine = NativeEngine.OnnxRuntime;
        var library = engine.Load();
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new Core.NativeEngineException(
                $"{engine.Name} at {engine.LibraryPath} has no OrtGetApiBase export; delete it and {NativeEngine.FixHint}.");
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        var slots = (nint*)apiBase;
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)slots[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)slots[1];
        var table = getApi(ApiVersion);
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
        if (table == 0)
        {
            throw new Core.NativeEngineException(
                $"{engine.Name} at {engine.LibraryPath} (version {version}) does not serve C API version {ApiVersion}; delete it and {NativeEngine.FixHint}.");
        }

        var api = new OrtApi((nint*)table) { Version = version };
        api.CreateEnvironment();
        return api;
    }
}
