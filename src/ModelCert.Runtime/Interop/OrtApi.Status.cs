using System.Runtime.InteropServices;

namespace ModelCert.Runtime.Interop;

/// <summary>Turning <c>OrtStatus*</c> into exceptions and taking ownership of allocator-owned strings.</summary>
internal sealed unsafe partial class OrtApi
{
    /// <summary>Throws <see cref="OnnxRuntimeException"/> for a non-null status, releasing it first.</summary>
    public void Check(nint status, string? context = null)
    {
        if (status != 0)
        {
            throw TakeError(status, context);
        }
    }

    /// <summary>Reads code and message of a non-null status into an exception and releases the status.</summary>
    public OnnxRuntimeException TakeError(nint status, string? context)
    {
        int code;
        string message;
        try
        {
            code = GetErrorCode(status);
            message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
        }
        finally
        {
            ReleaseStatus(status);
        }

        return new OnnxRuntimeException((OnnxRuntimeErrorCode)code, message, context);
    }

    /// <summary>Copies a NUL-terminated UTF-8 string allocated by the default allocator and frees it; null stays null.</summary>
    public string? TakeString(byte* value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)value);
        }
        finally
        {
            Check(AllocatorFree(DefaultAllocator, value), "freeing a string");
        }
    }
}
