using System.Text;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Copying a native output value into an <see cref="OutputTensor"/>.</summary>
public sealed partial class OutputTensor
{
    internal static unsafe OutputTensor Read(OrtApi api, string name, OrtValueHandle value)
    {
        var context = $"reading output '{name}'";
        nint infoPointer;
        api.Check(api.GetTensorTypeAndShape(value.Pointer, &infoPointer), context);
        using var info = new OrtTensorTypeAndShapeInfoHandle(infoPointer);
        int type;
        api.Check(api.GetTensorElementType(info.Pointer, &type), context);
        nuint rank;
        api.Check(api.GetDimensionsCount(info.Pointer, &rank), context);
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(info.Pointer, dims, rank), context);
        }

        nuint count;
        api.Check(api.GetTensorShapeElementCount(info.Pointer, &count), context);
        var elementType = (TensorElementType)type;
        var length = checked((int)count);
        Array data = elementType switch
        {
            TensorElementType.String => ReadStrings(api, value, length, context),
            TensorElementType.Float => Copy<float>(api, value, length, context),
            TensorElementType.Double => Copy<double>(api, value, length, context),
            TensorElementType.Int64 => Copy<long>(api, value, length, context),
            TensorElementType.Int32 => Copy<int>(api, value, length, context),
            TensorElementType.Bool => Copy<bool>(api, value, length, context),
            TensorElementType.UInt8 => Copy<byte>(api, value, length, context),
            TensorElementType.Int8 => Copy<sbyte>(api, value, length, context),
            TensorElementType.Int16 => Copy<short>(api, value, length, context),
            TensorElementType.UInt16 => Copy<ushort>(api, value, length, context),
            TensorElementType.UInt32 => Copy<uint>(api, value, length, context),
            TensorElementType.UInt64 => Copy<ulong>(api, value, length, context),
            TensorElementType.Float16 => Copy<Half>(api, value, length, context),
            _ => throw new NotSupportedException($"output '{name}' has ONNX element type {type}, which ModelCert cannot read"),
        };

        return new OutputTensor(name, elementType, shape, data);
    }

    private static unsafe T[] Copy<T>(OrtApi api, OrtValueHandle value, int length, string context)
        where T : unmanaged
    {
        if (length == 0)
        {
            return [];
        }

        void* data;
        api.Check(api.GetTensorMutableData(value.Pointer, &data), context);
        return new ReadOnlySpan<T>(data, length).ToArray();
    }

    private static unsafe string[] ReadStrings(OrtApi api, OrtValueHandle value, int length, string context)
    {
        if (length == 0)
        {
            return [];
        }

        nuint byteCount;
        api.Check(api.GetStringTensorDataLength(value.Pointer, &byteCount), context);
        var bytes = new byte[checked((int)byteCount)];
        var offsets = new nuint[length];
        fixed (byte* content = bytes)
        fixed (nuint* starts = offsets)
        {
            api.Check(api.GetStringTensorContent(value.Pointer, content, byteCount, starts, (nuint)length), context);
        }

        // The content is the strings back to back, not NUL-terminated; each ends where the next begins.
        var strings = new string[length];
        for (var i = 0; i < length; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < length ? (int)offsets[i + 1] : bytes.Length;
            strings[i] = Encoding.UTF8.GetString(bytes, start, end - start);
        }

        return strings;
    }
}
