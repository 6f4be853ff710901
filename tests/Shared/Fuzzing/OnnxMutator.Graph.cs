namespace ModelCert.Tests.Fuzzing;

/// <summary>Node wiring and kinds, graph inputs, outputs and initializers.</summary>
internal sealed partial class OnnxMutator
{
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
}
