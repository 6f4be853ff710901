using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>A numeric or bool input whose memory ORT reads in place (<c>CreateTensorWithDataAsOrtValue</c>, no copy).</summary>
internal sealed unsafe class PinnedInputTensor<T>(string name, TensorElementType elementType, ReadOnlyMemory<T> data, long[] shape)
    : InputTensor(name, elementType, shape, data.Length)
    where T : unmanaged
{
    internal override BoundInput Bind(OrtApi api)
    {
        var shape = ShapeArray();
        nint value;
        if (data.IsEmpty)
        {
            // A zero-element tensor has no buffer to wrap; let ORT make an empty one.
            fixed (long* dims = shape)
            {
                api.Check(api.CreateTensorAsOrtValue(api.DefaultAllocator, dims, (nuint)shape.Length, (int)ElementType, &value), $"creating input '{Name}'");
            }

            return new BoundInput(new OrtValueHandle(value), default);
        }

        var pin = data.Pin();
        try
        {
            var bytes = (nuint)data.Length * (nuint)sizeof(T);
            fixed (long* dims = shape)
            {
                api.Check(
                    api.CreateTensorWithDataAsOrtValue(api.CpuMemoryInfo, pin.Pointer, bytes, dims, (nuint)shape.Length, (int)ElementType, &value),
                    $"creating input '{Name}'");
            }

            return new BoundInput(new OrtValueHandle(value), pin);
        }
        catch
        {
            pin.Dispose();
            throw;
        }
    }
}
