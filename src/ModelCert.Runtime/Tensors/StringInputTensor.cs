using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>A string input from managed strings: encoded once to UTF-8, then copied into an ORT string tensor.</summary>
internal sealed unsafe class StringInputTensor(string name, IReadOnlyList<string> values, long[] shape)
    : InputTensor(name, TensorElementType.String, shape, (values ?? throw new ArgumentNullException(nameof(values))).Count)
{
    internal override BoundInput Bind(OrtApi api)
    {
        var block = Utf8Block.Create(values, i => $"input '{Name}' value {i}");
        var tensor = StringTensors.Create(api, Name, ShapeArray());
        try
        {
            var pointers = new nint[values.Count];
            fixed (byte* bytes = block.Bytes)
            {
                block.FillPointers(bytes, pointers);
                StringTensors.Fill(api, tensor, Name, pointers);
            }

            return new BoundInput(tensor, default);
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }
}
