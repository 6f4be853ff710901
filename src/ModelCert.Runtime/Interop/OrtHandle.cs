using System.Runtime.InteropServices;

namespace ModelCert.Runtime.Interop;

/// <summary>
/// An owned ORT object released exactly once through its <c>Release*</c> slot, by <see cref="SafeHandle.Dispose()"/>
/// or, if forgotten, by the finalizer. Reference counting (<see cref="SafeHandle.DangerousAddRef"/>) keeps a session
/// alive while another thread is inside <c>Run</c>.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(nint value)
        : base(0, ownsHandle: true)
    {
        SetHandle(value);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer, for calls made while the caller keeps this handle alive.</summary>
    public nint Pointer => handle;
}

internal sealed unsafe class OrtSessionHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseSession(handle);
        return true;
    }
}

internal sealed unsafe class OrtSessionOptionsHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed unsafe class OrtValueHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseValue(handle);
        return true;
    }
}

internal sealed unsafe class OrtTypeInfoHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseTypeInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtModelMetadataHandle(nint value) : OrtHandle(value)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.ReleaseModelMetadata(handle);
        return true;
    }
}
