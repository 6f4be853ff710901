using System.Globalization;

namespace ModelCert.Tests.Fuzzing;

/// <summary>Attribute values, string entries, versions, and field-level corruption anywhere.</summary>
internal sealed partial class OnnxMutator
{
    private string? Attribute(List<ProtoMessage> messages)
    {
        var attributes = messages.Where(m => m.Type == "Attribute").ToList();
        if (attributes.Count == 0)
        {
            return null;
        }

        var attribute = Pick(attributes);
        var label = $"attribute '{attribute.Text(1)}'";
        attribute.Unpack(8);
        var ints = attribute.All(8).ToList();
        var floats = attribute.All(7).Where(f => f.Wire == 5).ToList();
        var strings = attribute.All(9).ToList();
        var list = ints.Count > 0 ? ints : floats.Count > 0 ? floats : strings;
        switch (_random.Next(6))
        {
            case 0 when ints.Count > 0:
                var index = _random.Next(ints.Count);
                var value = _random.Next(3) == 0 ? ints.Count + _random.Next(-1, 3) : Pick(ExtremeIntegers);
                attribute.Own(ints[index]).Value = unchecked((ulong)value);
                return Invariant($"{label}: element {index} of {ints.Count} := {value}");
            case 0 or 1 when floats.Count > 0:
                var at = _random.Next(floats.Count);
                var number = Pick(ExtremeFloats);
                attribute.Own(floats[at]).Value = BitConverter.SingleToUInt32Bits(number);
                return Invariant($"{label}: float {at} of {floats.Count} := {number}");
            case 2 when list.Count > 0:
                var keep = _random.Next(list.Count);
                foreach (var field in list.Skip(keep))
                {
                    attribute.Fields.Remove(field);
                }

                return Invariant($"{label}: list cut from {list.Count} to {keep}");
            case 3 when strings.Count > 0:
                var text = Pick(new[] { string.Empty, "BOGUS", "\u00ff\u00fe", new string('x', 5000) });
                attribute.Own(Pick(strings)).SetText(text);
                return Invariant($"{label}: a string := '{(text.Length > 10 ? "x*5000" : text)}'");
            case 4:
                var scalar = attribute.Fields.FirstOrDefault(f => f.Number is 2 or 3 or 20 && f.Wire is 0 or 5)
                    ?? attribute.Fields.FirstOrDefault(f => f.Number == 4);
                if (scalar is null)
                {
                    return null;
                }

                scalar = attribute.Own(scalar);
                if (scalar.Number == 4)
                {
                    scalar.SetText(Pick(new[] { "BOGUS", string.Empty, "PROBIT", "SOFTMAX_ZERO", "SUM", "MAX", "L1" }));
                    return $"{label}: s := '{Text(scalar)}'";
                }

                var extreme = scalar.Number == 20 ? _random.Next(-1, 16) : Pick(ExtremeIntegers);
                scalar.Value = scalar.Number == 2 ? BitConverter.SingleToUInt32Bits(Pick(ExtremeFloats)) : unchecked((ulong)extreme);
                return Invariant($"{label}: field {scalar.Number} := {(scalar.Number == 2 ? "an extreme float" : extreme.ToString(CultureInfo.InvariantCulture))}");
            default:
                var owner = messages.FirstOrDefault(m => m.Fields.Any(f => ReferenceEquals(f.Message, attribute)));
                if (owner is null)
                {
                    return null;
                }

                if (_random.Next(2) == 0)
                {
                    owner.Fields.RemoveAll(f => ReferenceEquals(f.Message, attribute));
                    return $"{label} removed";
                }

                var name = attribute.All(1).FirstOrDefault();
                if (name is null)
                {
                    return null;
                }

                attribute.Own(name).SetText("renamed_attribute");
                return $"{label} renamed";
        }
    }

    /// <summary>A key or value of a string entry (external data locations, offsets and lengths; metadata).</summary>
    private string? Entry(List<ProtoMessage> messages)
    {
        var entries = messages.Where(m => m.Type == "Entry").ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var entry = Pick(entries);
        var field = entry.All(_random.Next(1, 3)).FirstOrDefault();
        if (field is null)
        {
            return null;
        }

        var text = Pick(new[]
        {
            string.Empty, "location", "offset", "length", "../w.bin", "/etc/passwd", "w.bin\0", "C:w.bin", "-1", "99999999999999999999",
            new string('a', 300), "d/" + new string('b', 5000), "\u00ff\u00fe\u202e", "w.bin/", ".", "./w.bin",
        });
        entry.Own(field).SetText(text);
        return Invariant($"a string entry's field {field.Number} := '{InspectionText(text)}'");
    }

    private static string InspectionText(string text) => text.Length > 20 ? Invariant($"{text[..10]}... ({text.Length} characters)") : text;

    private string? Versions(List<ProtoMessage> messages)
    {
        var value = Pick(new long[] { 0, -1, 1, 2, 3, 5, 7, 13, 14, 26, 27, 1_000_000, 1_000_000_000 });
        if (_random.Next(2) == 0)
        {
            var model = messages[0];
            model.Fields.RemoveAll(f => f.Number == 1);
            model.Fields.Insert(0, new ProtoField(1, 0) { Value = unchecked((ulong)value) });
            return Invariant($"ir_version := {value}");
        }

        var opsets = messages.Where(m => m.Type == "Opset").ToList();
        if (opsets.Count == 0)
        {
            return null;
        }

        var opset = Pick(opsets);
        opset.Fields.RemoveAll(f => f.Number == 2);
        opset.Fields.Add(new ProtoField(2, 0) { Value = unchecked((ulong)value) });
        return Invariant($"opset '{opset.Text(1)}' := {value}");
    }

    private string? DeleteOrDuplicate(List<ProtoMessage> messages)
    {
        var owner = Pick(messages);
        if (owner.Fields.Count == 0)
        {
            return null;
        }

        var field = Pick(owner.Fields);
        if (_random.Next(2) == 0)
        {
            owner.Fields.Remove(field);
            return Invariant($"{owner.Type} field {field.Number} deleted");
        }

        owner.Fields.Insert(_random.Next(owner.Fields.Count + 1), field.Clone());
        return Invariant($"{owner.Type} field {field.Number} duplicated");
    }

    private string? HugeRepeat(List<ProtoMessage> messages)
    {
        var owners = messages.Where(m => m.Type is "Graph" or "Node" or "Attribute" or "Tensor" or "Shape").ToList();
        if (owners.Count == 0)
        {
            return null;
        }

        var owner = Pick(owners);
        var small = owner.Fields.Where(f => (f.Message?.ToBytes().Length ?? f.Bytes.Length) < 256).ToList();
        if (small.Count == 0)
        {
            return null;
        }

        var field = Pick(small);
        var copies = _random.Next(1_000, 20_000);
        for (var i = 0; i < copies; i++)
        {
            owner.Fields.Add(field);
        }

        return Invariant($"{owner.Type} field {field.Number} repeated {copies} more times");
    }

    private string? Corrupt(List<ProtoMessage> messages)
    {
        var owners = messages.Where(m => m.Fields.Count > 0).ToList();
        var owner = Pick(owners);
        var field = owner.Own(Pick(owner.Fields));
        switch (_random.Next(3))
        {
            case 0 when field.Wire == 2:
                field.LengthLie = Pick(new[] { -3, -1, 1, 2, 7, 1 << 20 });
                return Invariant($"{owner.Type} field {field.Number}: its length lies by {field.LengthLie}");
            case 1:
                field.TagWire = Pick(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }.Where(w => w != field.Wire).ToArray());
                return Invariant($"{owner.Type} field {field.Number}: wire type {field.Wire} written as {field.TagWire}");
            default:
                if (field.Wire != 0)
                {
                    return null;
                }

                var value = Pick(ExtremeIntegers);
                field.Value = unchecked((ulong)value);
                return Invariant($"{owner.Type} field {field.Number} := {value}");
        }
    }
}
