using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>A string input from caller-owned UTF-8 pointers, handed to ORT as they are.</summary>
internal sealed class Utf8PointerInputTensor(string name, ReadOnlyMemory<nint> pointers, long[] shape)
    : InputTensor(name, TensorElementType.String, shape, pointers.Length)
{
    internal override BoundInput Bind(OrtApi api)
    {
        // ORT would read through a null pointer and take the process down; refuse it here instead.
        var index = pointers.Span.IndexOf(0);
        if (index >= 0)
        {
            throw new ArgumentException($"input '{Name}' has a null string pointer at index {index}");
        }

        var tensor = StringTensors.Create(api, Name, ShapeArray());
        try
        {
            StringTensors.Fill(api, tensor, Name, pointers.Span);
            return new BoundInput(tensor, default);
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }
}
