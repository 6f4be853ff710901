using System.Collections.ObjectModel;
using System.Text;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Reading the graph's declared inputs, outputs and metadata once, at open.</summary>
public sealed partial class OnnxSession
{
    private const int OnnxTypeTensor = 1;
    private const int OnnxTypeSequence = 2;
    private const int OnnxTypeMap = 3;

    private static unsafe ReadOnlyCollection<TensorInfo> DescribeInputs(OrtApi api, OrtSessionHandle session)
    {
        nuint count;
        api.Check(api.SessionGetInputCount(session.Pointer, &count), "counting inputs");
        var inputs = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(api.SessionGetInputName(session.Pointer, i, api.DefaultAllocator, &name), "reading an input name");
            var text = api.TakeString(name) ?? string.Empty;
            nint typeInfo;
            api.Check(api.SessionGetInputTypeInfo(session.Pointer, i, &typeInfo), $"reading the type of input '{text}'");
            inputs[(int)i] = Describe(api, text, new OrtTypeInfoHandle(typeInfo));
        }

        return Array.AsReadOnly(inputs);
    }

    private static unsafe ReadOnlyCollection<TensorInfo> DescribeOutputs(OrtApi api, OrtSessionHandle session)
    {
        nuint count;
        api.Check(api.SessionGetOutputCount(session.Pointer, &count), "counting outputs");
        var outputs = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(api.SessionGetOutputName(session.Pointer, i, api.DefaultAllocator, &name), "reading an output name");
            var text = api.TakeString(name) ?? string.Empty;
            nint typeInfo;
            api.Check(api.SessionGetOutputTypeInfo(session.Pointer, i, &typeInfo), $"reading the type of output '{text}'");
            outputs[(int)i] = Describe(api, text, new OrtTypeInfoHandle(typeInfo));
        }

        return Array.AsReadOnly(outputs);
    }

    private static unsafe TensorInfo Describe(OrtApi api, string name, OrtTypeInfoHandle typeInfo)
    {
        using (typeInfo)
        {
            var context = $"describing '{name}'";
            int onnxType;
            api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo.Pointer, &onnxType), context);
            switch (onnxType)
            {
                case OnnxTypeSequence:
                    return new TensorInfo(name, OnnxValueKind.Sequence, TensorElementType.Undefined, []);
                case OnnxTypeMap:
                    return new TensorInfo(name, OnnxValueKind.Map, TensorElementType.Undefined, []);
                case not OnnxTypeTensor:
                    return new TensorInfo(name, OnnxValueKind.Other, TensorElementType.Undefined, []);
            }

            // Owned by the type info: valid until it is released, never released itself.
            nint tensorInfo;
            api.Check(api.CastTypeInfoToTensorInfo(typeInfo.Pointer, &tensorInfo), context);
            int elementType;
            api.Check(api.GetTensorElementType(tensorInfo, &elementType), context);
            nuint rank;
            api.Check(api.GetDimensionsCount(tensorInfo, &rank), context);
            var shape = new long[(int)rank];
            fixed (long* dims = shape)
            {
                api.Check(api.GetDimensions(tensorInfo, dims, rank), context);
            }

            // ORT reports a symbolic dimension as -1 already; make any other negative value the same.
            for (var d = 0; d < shape.Length; d++)
            {
                shape[d] = Math.Max(shape[d], -1);
            }

            return new TensorInfo(name, OnnxValueKind.Tensor, (TensorElementType)elementType, Array.AsReadOnly(shape));
        }
    }

    private static unsafe ModelMetadata ReadMetadata(OrtApi api, OrtSessionHandle session)
    {
        nint raw;
        api.Check(api.SessionGetModelMetadata(session.Pointer, &raw), "reading model metadata");
        using var metadata = new OrtModelMetadataHandle(raw);
        var allocator = api.DefaultAllocator;
        byte* text;
        api.Check(api.ModelMetadataGetProducerName(raw, allocator, &text), "reading the producer name");
        var producer = NullIfEmpty(api.TakeString(text));
        api.Check(api.ModelMetadataGetGraphName(raw, allocator, &text), "reading the graph name");
        var graph = NullIfEmpty(api.TakeString(text));
        api.Check(api.ModelMetadataGetDomain(raw, allocator, &text), "reading the model domain");
        var domain = NullIfEmpty(api.TakeString(text));
        api.Check(api.ModelMetadataGetDescription(raw, allocator, &text), "reading the model description");
        var description = NullIfEmpty(api.TakeString(text));
        long version;
        api.Check(api.ModelMetadataGetVersion(raw, &version), "reading the model version");

        // ORT reports an absent model_version as long.MaxValue; ONNX's default for it is 0.
        version = version == long.MaxValue ? 0 : version;
        return new ModelMetadata(producer, graph, domain, description, version, ReadCustomMetadata(api, raw));
    }

    private static unsafe ReadOnlyDictionary<string, string> ReadCustomMetadata(OrtApi api, nint metadata)
    {
        var allocator = api.DefaultAllocator;
        byte** keys;
        long count;
        api.Check(api.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &count), "listing custom metadata");
        var names = new List<string>();
        try
        {
            for (long i = 0; i < count; i++)
            {
                names.Add(System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)keys[i]) ?? string.Empty);
            }
        }
        finally
        {
            // Each key and the array itself come from the allocator.
            for (long i = 0; i < count; i++)
            {
                api.Check(api.AllocatorFree(allocator, keys[i]), "freeing a metadata key");
            }

            if (keys is not null)
            {
                api.Check(api.AllocatorFree(allocator, keys), "freeing the metadata key list");
            }
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var key = Encoding.UTF8.GetBytes(name + "\0");
            byte* value;
            fixed (byte* keyBytes = key)
            {
                api.Check(api.ModelMetadataLookupCustomMetadataMap(metadata, allocator, keyBytes, &value), $"reading metadata '{name}'");
            }

            map[name] = api.TakeString(value) ?? string.Empty;
        }

        return new ReadOnlyDictionary<string, string>(map);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
