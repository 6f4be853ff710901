namespace ModelCert.Runtime.Onnx;

/// <summary>Tree-ensemble nodes: their branch lists are read and judged by <see cref="TreeEnsembleRules"/>.</summary>
internal sealed partial class InspectionWalker
{
    private static readonly HashSet<string> TreeEnsembles = new(StringComparer.Ordinal) { "TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble" };

    /// <summary>Reads the integer and string list attributes of a tree-ensemble node (from a copy of its reader) and judges its trees.</summary>
    private void CheckTrees(ProtobufReader node, string opType, string owner, string where)
    {
        var attributes = new TreeEnsembleRules.Attributes();
        while (node.TryReadTag(out var field, out var wire))
        {
            if (field != 5) // attribute
            {
                node.Skip(wire);
                continue;
            }

            node.Expect(field, wire, WireType.LengthDelimited);
            var attribute = node.ReadMessage();
            string? name = null;
            var integers = new List<long>();
            var strings = new List<string>();
            while (attribute.TryReadTag(out var attributeField, out var attributeWire))
            {
                switch (attributeField)
                {
                    case 1: // name
                        attribute.Expect(attributeField, attributeWire, WireType.LengthDelimited);
                        name = attribute.ReadString();
                        break;
                    case 8: // ints
                        ReadInt64s(ref attribute, attributeField, attributeWire, integers);
                        break;
                    case 9: // strings
                        attribute.Expect(attributeField, attributeWire, WireType.LengthDelimited);
                        strings.Add(attribute.ReadString());
                        break;
                    default:
                        attribute.Skip(attributeWire);
                        break;
                }
            }

            if (name is not null)
            {
                attributes.Integers[name] = integers;
                attributes.Strings[name] = strings;
            }
        }

        if (TreeEnsembleRules.Check(opType, attributes) is { } problem)
        {
            AddProblem($"{owner}{where} ({opType}): {problem}");
        }
    }
}
