using System.Globalization;

namespace ModelCert.Tests.Fuzzing;

/// <summary>
/// A seeded mutation fuzzer for ONNX model files. A third of the cases are byte-level corruptions (bit flips, byte
/// replacements, truncation, appended or inserted bytes, a huge varint length); the rest edit the parsed model
/// (<see cref="ProtoMessage"/>) the way a plausible but hostile file would: extreme tensor dimensions, raw data
/// shorter than the dimensions imply, unknown or string data types, inputs without a type, nodes reading missing
/// values, attribute elements set to extremes or lists cut short, huge repeated fields, opset and IR versions out of
/// range, wrong wire types and nested lengths that lie. The same seed gives the same cases.
/// </summary>
internal sealed class OnnxMutator(int seed)
{
    private static readonly long[] ExtremeIntegers = [0, -1, 1, 2, 3, int.MaxValue, 1L << 31, 1L << 32, 1L << 40, 1L << 62, long.MaxValue, long.MinValue, -(1L << 31)];
    private static readonly long[] DataTypes = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 21, 23, 99, -1];
    private static readonly float[] ExtremeFloats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e38f, -1e38f, -0f, 0f, 1e-45f];
    private static readonly string[] OpTypes =
    [
        "TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble", "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder",
        "Concat", "ZipMap", "Cast", "Identity", "ArgMax", "Softmax", "Reshape", "ConstantOfShape", "Expand", "Tile", "Unsqueeze", "Gather",
        "LabelEncoder", "CategoryMapper", "Scaler", "Imputer", "SVMClassifier", "Binarizer", "ArrayFeatureExtractor", "FeatureVectorizer",
        "DictVectorizer", "TopK", "Split", "Loop", "If", "Scan", "Einsum", "NoSuchOp",
    ];

    private readonly Random _random = new(seed);

    /// <summary>
    /// A mutated copy of <paramref name="model"/> (whose parse is <paramref name="parsed"/>, left unchanged) and a
    /// one-line description of what was done.
    /// </summary>
    public (byte[] Bytes, string Description) Mutate(byte[] model, ProtoMessage parsed)
    {
        if (_random.Next(3) == 0)
        {
            return ByteLevel(model);
        }

        var tree = parsed.Clone();
        var steps = _random.Next(5) == 0 ? _random.Next(2, 4) : 1;
        var done = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            done.Add(Structured(tree));
        }

        return (tree.ToBytes(), string.Join("; ", done));
    }

    private (byte[] Bytes, string Description) ByteLevel(byte[] model)
    {
        var bytes = (byte[])model.Clone();
        switch (_random.Next(6))
        {
            case 0:
                var flips = _random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                {
                    bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return (bytes, Invariant($"{flips} bit flips"));
            case 1:
                var replaced = _random.Next(1, 5);
                for (var i = 0; i < replaced; i++)
                {
                    bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                }

                return (bytes, Invariant($"{replaced} random bytes replaced"));
            case 2:
                var cut = _random.Next(1, bytes.Length);
                return (bytes[..cut], Invariant($"truncated to {cut} of {bytes.Length} bytes"));
            case 3:
                var tail = new byte[_random.Next(1, 65)];
                _random.NextBytes(tail);
                return ([.. bytes, .. tail], Invariant($"{tail.Length} random bytes appended"));
            case 4:
                var at = _random.Next(bytes.Length);
                byte[] huge = [0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];
                return ([.. bytes[..at], .. huge, .. bytes[at..]], Invariant($"a field with a 2^56 byte length inserted at byte {at}"));
            default:
                var where = _random.Next(bytes.Length);
                var inserted = new byte[_random.Next(1, 17)];
                _random.NextBytes(inserted);
                return ([.. bytes[..where], .. inserted, .. bytes[where..]], Invariant($"{inserted.Length} random bytes inserted at byte {where}"));
        }
    }

    private string Structured(ProtoMessage tree)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // A failed attempt may already have replaced a message (Own copies it), so the list is taken afresh.
            var messages = tree.Descendants().ToList();
            var result = _random.Next(15) switch
            {
                13 => Entry(messages),
                0 => Dimension(messages),
                1 => TensorData(messages),
                2 => ValueType(messages),
                3 => NodeWiring(messages),
                4 or 5 or 6 => Attribute(messages),
                7 => Versions(messages),
                8 => GraphEdit(messages),
                9 => DeleteOrDuplicate(messages),
                10 => HugeRepeat(messages),
                11 => Corrupt(messages),
                12 => NodeKind(messages),
                _ => Attribute(messages),
            };
            if (result is not null)
            {
                return result;
            }
        }

        return "nothing changed";
    }

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

    private string? NodeWiring(List<ProtoMessage> messages)
    {
        var nodes = messages.Where(m => m.Type == "Node").ToList();
        if (nodes.Count == 0)
        {
            return null;
        }

        var node = Pick(nodes);
        var inputs = node.All(1).ToList();
        var outputs = node.All(2).ToList();
        switch (_random.Next(5))
        {
            case 0 when inputs.Count > 0:
                node.Own(Pick(inputs)).SetText("missing_value");
                return $"{Name(node)}: an input renamed to a missing value";
            case 1 when inputs.Count > 0:
                node.Fields.Remove(Pick(inputs));
                return $"{Name(node)}: an input removed";
            case 2:
                var extra = new ProtoField(1, 2);
                extra.SetText(inputs.Count > 0 && _random.Next(2) == 0 ? Text(Pick(inputs)) : string.Empty);
                node.Fields.Add(extra);
                return $"{Name(node)}: an extra input";
            case 3 when outputs.Count > 0:
                var other = Pick(nodes).All(2).FirstOrDefault();
                var name = other is not null ? Text(other) : "renamed_output";
                node.Own(Pick(outputs)).SetText(name);
                return $"{Name(node)}: an output renamed to '{name}'";
            default:
                if (outputs.Count == 0)
                {
                    return null;
                }

                node.Fields.Remove(Pick(outputs));
                return $"{Name(node)}: an output removed";
        }
    }

    private string? NodeKind(List<ProtoMessage> messages)
    {
        var nodes = messages.Where(m => m.Type == "Node").ToList();
        if (nodes.Count == 0)
        {
            return null;
        }

        var node = Pick(nodes);
        if (_random.Next(3) == 0)
        {
            var domain = Pick(new[] { string.Empty, "ai.onnx.ml", "ai.onnx" });
            node.Fields.RemoveAll(f => f.Number == 7);
            var field = new ProtoField(7, 2);
            field.SetText(domain);
            node.Fields.Add(field);
            return $"{Name(node)}: domain := '{domain}'";
        }

        var op = Pick(OpTypes);
        foreach (var field in node.All(4).ToList())
        {
            node.Own(field).SetText(op);
        }

        return $"{Name(node)}: op_type := {op}";
    }

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

    private string? GraphEdit(List<ProtoMessage> messages)
    {
        var graphs = messages.Where(m => m.Type == "Graph").ToList();
        if (graphs.Count == 0)
        {
            return null;
        }

        var graph = Pick(graphs);
        var inputs = graph.All(11).ToList();
        var outputs = graph.All(12).ToList();
        switch (_random.Next(5))
        {
            case 0 when outputs.Count > 0:
                graph.Fields.Remove(Pick(outputs));
                return "a graph output removed";
            case 1 when outputs.Count > 0:
                graph.Fields.RemoveAll(f => f.Number == 12);
                return "every graph output removed";
            case 2 when outputs.Count > 0 && inputs.Count > 0:
                var output = Pick(outputs).Message!;
                var input = Text(Pick(inputs).Message!.All(1).First());
                output.Own(output.All(1).First()).SetText(input);
                return $"a graph output renamed to input '{input}'";
            case 3 when inputs.Count > 0:
                graph.Fields.Remove(Pick(inputs));
                return "a graph input removed";
            default:
                var initializers = graph.All(5).ToList();
                if (initializers.Count == 0)
                {
                    return null;
                }

                graph.Fields.Remove(Pick(initializers));
                return "an initializer removed";
        }
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

    private static string Name(ProtoMessage message) => message.Type switch
    {
        "Node" => $"node '{message.Text(3)}' ({message.Text(4)})",
        "Tensor" => $"tensor '{message.Text(8)}'",
        "Input" or "Output" => $"{message.Type.ToLowerInvariant()} '{message.Text(1)}'",
        _ => message.Type.ToLowerInvariant(),
    };

    private static string Text(ProtoField field) => System.Text.Encoding.UTF8.GetString(field.Bytes);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
