namespace ModelCert.Tests.Fuzzing;

/// <summary>Tensor dimensions, data and types; value types and shapes.</summary>
internal sealed partial class OnnxMutator
{
    private string? Dimension(List<ProtoMessage> messages)
    {
        var value = Pick(ExtremeIntegers);
        var targets = messages.Where(m => m.Type is "Tensor" or "Dim").ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var target = Pick(targets);
        target.Unpack(1);
        var dims = target.All(1).Where(f => f.Wire == 0).ToList();
        if (dims.Count == 0)
        {
            target.Fields.Add(new ProtoField(1, 0) { Value = unchecked((ulong)value) });
            return Invariant($"{Name(target)}: a dimension {value} added");
        }

        var index = _random.Next(dims.Count);
        target.Own(dims[index]).Value = unchecked((ulong)value);
        return Invariant($"{Name(target)}: dimension {index} := {value}");
    }

    private string? TensorData(List<ProtoMessage> messages)
    {
        var tensors = messages.Where(m => m.Type == "Tensor").ToList();
        if (tensors.Count == 0)
        {
            return null;
        }

        var tensor = Pick(tensors);
        if (_random.Next(2) == 0)
        {
            var type = Pick(DataTypes);
            tensor.Fields.RemoveAll(f => f.Number == 2);
            tensor.Fields.Add(new ProtoField(2, 0) { Value = unchecked((ulong)type) });
            return Invariant($"{Name(tensor)}: data_type := {type}");
        }

        var data = tensor.Fields.Where(f => f.Number is 4 or 5 or 6 or 7 or 9 or 10 or 11).ToList();
        if (data.Count == 0)
        {
            return null;
        }

        var packed = data.FirstOrDefault(f => f.Wire == 2 && f.Bytes.Length > 0);
        if (packed is not null && _random.Next(2) == 0)
        {
            var keep = _random.Next(packed.Bytes.Length);
            tensor.Own(packed).Bytes = packed.Bytes[..keep];
            return Invariant($"{Name(tensor)}: field {packed.Number} cut to {keep} bytes");
        }

        var removed = _random.Next(1, data.Count + 1);
        foreach (var field in data.TakeLast(removed))
        {
            tensor.Fields.Remove(field);
        }

        return Invariant($"{Name(tensor)}: last {removed} of {data.Count} data entries removed");
    }

    private string? ValueType(List<ProtoMessage> messages)
    {
        switch (_random.Next(4))
        {
            case 0:
                var values = messages.Where(m => m.Type is "Input" or "Output").ToList();
                if (values.Count == 0)
                {
                    return null;
                }

                var value = Pick(values);
                value.Fields.RemoveAll(f => f.Number == 2);
                return $"{Name(value)}: type removed";
            case 1:
                var types = messages.Where(m => m.Type == "TensorType").ToList();
                if (types.Count == 0)
                {
                    return null;
                }

                var tensorType = Pick(types);
                var elem = Pick(DataTypes);
                tensorType.Fields.RemoveAll(f => f.Number == 1);
                tensorType.Fields.Insert(0, new ProtoField(1, 0) { Value = unchecked((ulong)elem) });
                return Invariant($"a tensor type: elem_type := {elem}");
            case 2:
                var shapes = messages.Where(m => m.Type == "TensorType").ToList();
                if (shapes.Count == 0)
                {
                    return null;
                }

                Pick(shapes).Fields.RemoveAll(f => f.Number == 2);
                return "a tensor type: shape removed";
            default:
                var withShape = messages.Where(m => m.Type == "Shape").ToList();
                if (withShape.Count == 0)
                {
                    return null;
                }

                var shape = Pick(withShape);
                var dim = new ProtoMessage("Dim");
                dim.Fields.Add(new ProtoField(1, 0) { Value = (ulong)_random.Next(0, 4) });
                shape.Fields.Add(new ProtoField(1, 2) { Message = dim });
                return "a shape: one more dimension";
        }
    }
}
