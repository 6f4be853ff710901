namespace ModelCert.Runtime.Onnx;

/// <summary>Nodes, their attributes (tensors, subgraphs, sparse tensors), and value infos with their types and shapes.</summary>
internal sealed partial class InspectionWalker
{
    private void WalkNode(ref ProtobufReader node, string where)
    {
        NodeCount++;
        string? name = null;
        string? opType = null;
        var domain = "ai.onnx";
        var first = node;
        var trees = node;
        while (first.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 3: // name
                    first.Expect(field, wire, WireType.LengthDelimited);
                    name = Display(first.ReadString());
                    break;
                case 4: // op_type
                    first.Expect(field, wire, WireType.LengthDelimited);
                    opType = Display(first.ReadString());
                    break;
                case 7: // domain
                    first.Expect(field, wire, WireType.LengthDelimited);
                    var read = Display(first.ReadString());
                    domain = read.Length == 0 ? "ai.onnx" : read;
                    break;
                default:
                    first.Skip(wire);
                    break;
            }
        }

        _nodeDomains.Add(domain);
        var owner = name is { Length: > 0 } ? $"node '{name}'" : $"a {opType ?? "nameless"} node";
        if (domain == "ai.onnx.ml" && opType is not null && TreeEnsembles.Contains(opType))
        {
            CheckTrees(trees, opType, owner, where);
        }

        while (node.TryReadTag(out var field, out var wire))
        {
            if (field == 5) // attribute
            {
                Nested(ref node, field, wire, (ref ProtobufReader attribute) => WalkAttribute(ref attribute, owner, where));
            }
            else
            {
                node.Skip(wire);
            }
        }
    }

    private void WalkAttribute(ref ProtobufReader attribute, string owner, string where)
    {
        var name = NameOf(attribute);

        var label = $"attribute '{name}' of {owner}";
        var inside = $" in the subgraph '{name}' of {owner}{where}";
        while (attribute.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 5 or 10: // t, tensors
                    Nested(ref attribute, field, wire, (ref ProtobufReader tensor) => WalkTensor(ref tensor, label, where, named: false));
                    break;
                case 6 or 11: // g, graphs
                    Nested(ref attribute, field, wire, (ref ProtobufReader graph) => WalkGraph(ref graph, inside));
                    break;
                case 22 or 23: // sparse_tensor, sparse_tensors
                    Nested(ref attribute, field, wire, (ref ProtobufReader sparse) => WalkSparseTensor(ref sparse, label, where));
                    break;
                default:
                    attribute.Skip(wire);
                    break;
            }
        }
    }

    private void WalkValueInfo(ref ProtobufReader value, string role, string where)
    {
        var name = NameOf(value);

        var label = $"{role} '{name}'{where}";
        while (value.TryReadTag(out var field, out var wire))
        {
            if (field == 2) // type
            {
                Nested(ref value, field, wire, (ref ProtobufReader type) => WalkType(ref type, label));
            }
            else
            {
                value.Skip(wire);
            }
        }
    }

    /// <summary>TypeProto: tensor_type 1 and sparse_tensor_type 8 carry shapes; sequence 4, map 5 and optional 9 nest types.</summary>
    private void WalkType(ref ProtobufReader type, string label)
    {
        while (type.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 or 8:
                    Nested(ref type, field, wire, (ref ProtobufReader tensor) => WalkTensorType(ref tensor, label));
                    break;
                case 4 or 9: // Sequence { elem_type = 1 }, Optional { elem_type = 1 }
                    Nested(ref type, field, wire, (ref ProtobufReader inner) => WalkInnerType(ref inner, 1, label));
                    break;
                case 5: // Map { key_type = 1; value_type = 2 }
                    Nested(ref type, field, wire, (ref ProtobufReader map) => WalkInnerType(ref map, 2, label));
                    break;
                default:
                    type.Skip(wire);
                    break;
            }
        }
    }

    private void WalkInnerType(ref ProtobufReader message, int typeField, string label)
    {
        while (message.TryReadTag(out var field, out var wire))
        {
            if (field == typeField)
            {
                Nested(ref message, field, wire, (ref ProtobufReader type) => WalkType(ref type, label));
            }
            else
            {
                message.Skip(wire);
            }
        }
    }

    private void WalkTensorType(ref ProtobufReader tensor, string label)
    {
        while (tensor.TryReadTag(out var field, out var wire))
        {
            if (field == 2) // shape
            {
                Nested(ref tensor, field, wire, (ref ProtobufReader shape) => WalkShape(ref shape, label));
            }
            else
            {
                tensor.Skip(wire);
            }
        }
    }

    /// <summary>TensorShapeProto { dim = 1: Dimension { dim_value = 1; dim_param = 2 } }; symbolic dimensions count as unknown.</summary>
    private void WalkShape(ref ProtobufReader shape, string label)
    {
        var size = new TensorSize(label);
        while (shape.TryReadTag(out var field, out var wire))
        {
            if (field != 1)
            {
                shape.Skip(wire);
                continue;
            }

            shape.Expect(field, wire, WireType.LengthDelimited);
            var dimension = shape.ReadMessage();
            while (dimension.TryReadTag(out var dimField, out var dimWire))
            {
                if (dimField == 1)
                {
                    dimension.Expect(dimField, dimWire, WireType.Varint);
                    size.Add(dimension.ReadInt64());
                }
                else
                {
                    dimension.Skip(dimWire);
                }
            }
        }

        Record(size);
    }

    /// <summary>
    /// The message's field 1 (the name, in attributes and value infos), read from a copy of the reader so the caller
    /// still walks the message from its start; "(unnamed)" when absent.
    /// </summary>
    private static string NameOf(ProtobufReader message)
    {
        var name = "(unnamed)";
        while (message.TryReadTag(out var field, out var wire))
        {
            if (field == 1)
            {
                message.Expect(field, wire, WireType.LengthDelimited);
                name = Display(message.ReadString());
            }
            else
            {
                message.Skip(wire);
            }
        }

        return name;
    }
}
