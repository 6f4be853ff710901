using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Text;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Reading the model's metadata (ModelProto fields and metadata_props) once, at open.</summary>
public sealed partial class OnnxSession
{
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
                names.Add(Marshal.PtrToStringUTF8((nint)keys[i]) ?? string.Empty);
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
