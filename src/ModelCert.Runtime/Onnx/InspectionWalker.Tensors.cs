using System.Globalization;
using ModelCert.Core.Checks.Security;

namespace ModelCert.Runtime.Onnx;

/// <summary>TensorProto and SparseTensorProto: dimensions, element counts, and where external data can hide.</summary>
internal sealed partial class InspectionWalker
{
    private const int DataLocationExternal = 1;

    /// <summary>
    /// TensorProto: dims 1 (packed or not), name 8, external_data 13 (key 1, value 2), data_location 14. A tensor
    /// naming an external location is judged as external even when data_location says otherwise: no field may hide one.
    /// </summary>
    private void WalkTensor(ref ProtobufReader tensor, string role, string where, bool named = true)
    {
        string? name = null;
        long dataLocation = 0;
        var external = new ExternalEntries();
        var dims = new List<long>();
        while (tensor.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ReadInt64s(ref tensor, field, wire, dims);
                    break;
                case 8:
                    tensor.Expect(field, wire, WireType.LengthDelimited);
                    name = Display(tensor.ReadString());
                    break;
                case 13:
                    tensor.Expect(field, wire, WireType.LengthDelimited);
                    var entry = tensor.ReadMessage();
                    external.Add(ref entry);
                    break;
                case 14:
                    tensor.Expect(field, wire, WireType.Varint);
                    dataLocation = tensor.ReadInt64();
                    break;
                default:
                    tensor.Skip(wire);
                    break;
            }
        }

        var label = named && name is { Length: > 0 } ? $"{role} '{name}'{where}" : $"{role}{where}";
        var size = new TensorSize(label);
        foreach (var dim in dims)
        {
            size.Add(dim);
        }

        Record(size);
        if (dataLocation is not (0 or DataLocationExternal))
        {
            AddProblem(string.Create(CultureInfo.InvariantCulture, $"{label} has data_location {dataLocation}, which is neither DEFAULT (0) nor EXTERNAL (1)"));
        }

        if (dataLocation == DataLocationExternal || external.Count > 0)
        {
            if (externalData.Check(label, external) is { } problem)
            {
                AddProblem(problem);
            }
        }
    }

    /// <summary>SparseTensorProto: values 1 and indices 2 are tensors (either may be external), dims 3 the dense shape.</summary>
    private void WalkSparseTensor(ref ProtobufReader sparse, string role, string where)
    {
        var dims = new List<long>();
        while (sparse.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    Nested(ref sparse, field, wire, (ref ProtobufReader tensor) => WalkTensor(ref tensor, $"values of {role}", where));
                    break;
                case 2:
                    Nested(ref sparse, field, wire, (ref ProtobufReader tensor) => WalkTensor(ref tensor, $"indices of {role}", where));
                    break;
                case 3:
                    ReadInt64s(ref sparse, field, wire, dims);
                    break;
                default:
                    sparse.Skip(wire);
                    break;
            }
        }

        var size = new TensorSize($"the dense shape of {role}{where}");
        foreach (var dim in dims)
        {
            size.Add(dim);
        }

        Record(size);
    }

    /// <summary>A repeated int64 field, one varint or a packed run of them.</summary>
    private static void ReadInt64s(ref ProtobufReader message, int field, WireType wire, List<long> values)
    {
        if (wire == WireType.LengthDelimited)
        {
            var packed = message.ReadMessage();
            while (!packed.AtEnd)
            {
                values.Add(packed.ReadInt64());
            }

            return;
        }

        message.Expect(field, wire, WireType.Varint);
        values.Add(message.ReadInt64());
    }

    private void Record(TensorSize size)
    {
        if (size.Negative is { } negative)
        {
            AddProblem(string.Create(CultureInfo.InvariantCulture, $"{size.Label} has a negative dimension ({negative})"));
            return;
        }

        if (size.Largest is { } largest && (LargestDimension is null || largest > LargestDimension.Value))
        {
            LargestDimension = new SizeFact(largest, size.Label);
        }

        if (size.Known > 0 && (LargestElementCount is null || size.Elements > LargestElementCount.Value))
        {
            LargestElementCount = new SizeFact(size.Elements, size.Label);
        }
    }

    /// <summary>Dimensions of one tensor or shape, folded as they are read: the largest, the first negative, the saturating product.</summary>
    private sealed class TensorSize(string label)
    {
        public string Label { get; } = label;

        public long? Largest { get; private set; }

        public long? Negative { get; private set; }

        public int Known { get; private set; }

        public long Elements { get; private set; } = 1;

        public void Add(long dim)
        {
            if (dim < 0)
            {
                Negative ??= dim;
                return;
            }

            Known++;
            Largest = Largest is { } l ? Math.Max(l, dim) : dim;
            Elements = dim != 0 && Elements > long.MaxValue / dim ? long.MaxValue : Elements * dim;
        }
    }
}
