using System.Buffers;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>
/// The <c>OrtValue</c> made for one input during one run, and the pin that keeps the caller's memory in place under it.
/// Disposal releases the value first, then unpins: ORT reads the buffer until the value is gone.
/// </summary>
internal sealed class BoundInput(OrtValueHandle value, MemoryHandle pin) : IDisposable
{
    private MemoryHandle _pin = pin;

    public OrtValueHandle Value { get; } = value;

    public void Dispose()
    {
        Value.Dispose();
        _pin.Dispose();
    }
}
