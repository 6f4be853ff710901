using System.Collections.ObjectModel;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Reading the graph's declared inputs and outputs once, at open.</summary>
public sealed partial class OnnxSession
{
    private const int OnnxTypeTensor = 1;
    private const int OnnxTypeSequence = 2;
    private const int OnnxTypeMap = 3;

    private static ReadOnlyCollection<TensorInfo> DescribeInputs(OrtApi api, OrtSessionHandle session) => DescribeAll(api, session, outputs: false);

    private static ReadOnlyCollection<TensorInfo> DescribeOutputs(OrtApi api, OrtSessionHandle session) => DescribeAll(api, session, outputs: true);

    private static unsafe ReadOnlyCollection<TensorInfo> DescribeAll(OrtApi api, OrtSessionHandle session, bool outputs)
    {
        var kind = outputs ? "output" : "input";
        nuint count;
        api.Check(
            outputs ? api.SessionGetOutputCount(session.Pointer, &count) : api.SessionGetInputCount(session.Pointer, &count),
            $"counting {kind}s");
        var infos = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(
                outputs
                    ? api.SessionGetOutputName(session.Pointer, i, api.DefaultAllocator, &name)
                    : api.SessionGetInputName(session.Pointer, i, api.DefaultAllocator, &name),
                $"reading the name of {kind} {i}");
            var text = api.TakeString(name) ?? string.Empty;
            nint typeInfo;
            api.Check(
                outputs ? api.SessionGetOutputTypeInfo(session.Pointer, i, &typeInfo) : api.SessionGetInputTypeInfo(session.Pointer, i, &typeInfo),
                $"reading the type of {kind} '{text}'");
            infos[(int)i] = Describe(api, text, new OrtTypeInfoHandle(typeInfo));
        }

        return Array.AsReadOnly(infos);
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
}
