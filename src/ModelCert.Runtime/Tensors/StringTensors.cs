using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Creating and filling ORT string tensors (<c>CreateTensorAsOrtValue(STRING)</c> + <c>FillStringTensor</c>).</summary>
internal static unsafe class StringTensors
{
    public static OrtValueHandle Create(OrtApi api, string name, long[] shape)
    {
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(
                api.CreateTensorAsOrtValue(api.DefaultAllocator, dims, (nuint)shape.Length, (int)TensorElementType.String, &value),
                $"creating string input '{name}'");
        }

        return new OrtValueHandle(value);
    }

    /// <summary>Copies the strings behind <paramref name="pointers"/> (NUL-terminated UTF-8) into the tensor.</summary>
    public static void Fill(OrtApi api, OrtValueHandle tensor, string name, ReadOnlySpan<nint> pointers)
    {
        if (pointers.IsEmpty)
        {
            return;
        }

        fixed (nint* strings = pointers)
        {
            api.Check(api.FillStringTensor(tensor.Pointer, strings, (nuint)pointers.Length), $"filling string input '{name}'");
        }
    }
}
