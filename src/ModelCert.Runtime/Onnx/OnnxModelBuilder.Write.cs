namespace ModelCert.Runtime.Onnx;

/// <summary>Serializing the builder's state as ModelProto, GraphProto, NodeProto and TypeProto messages.</summary>
public sealed partial class OnnxModelBuilder
{
    private void WriteModel(ProtobufWriter model)
    {
        model.Varint(OnnxFields.Model.IrVersion, _irVersion);
        WriteOptional(model, OnnxFields.Model.ProducerName, _producerName);
        WriteOptional(model, OnnxFields.Model.ProducerVersion, _producerVersion);
        WriteOptional(model, OnnxFields.Model.Domain, _domain);
        if (_modelVersion != 0)
        {
            model.Varint(OnnxFields.Model.ModelVersion, _modelVersion);
        }

        WriteOptional(model, OnnxFields.Model.DocString, _description);
        model.Message(OnnxFields.Model.Graph, WriteGraph);
        foreach (var (domain, version) in _opsets)
        {
            model.Message(OnnxFields.Model.OpsetImport, o =>
            {
                o.String(OnnxFields.OperatorSet.Domain, domain);
                o.Varint(OnnxFields.OperatorSet.Version, version);
            });
        }

        foreach (var (key, value) in _metadata)
        {
            model.Message(OnnxFields.Model.MetadataProps, e =>
            {
                e.String(OnnxFields.StringEntry.Key, key);
                e.String(OnnxFields.StringEntry.Value, value);
            });
        }
    }

    /// <summary>Writes this builder's graph as a GraphProto body (for subgraph attributes).</summary>
    internal void WriteGraphTo(ProtobufWriter graph) => WriteGraph(graph);

    private void WriteGraph(ProtobufWriter graph)
    {
        foreach (var node in _nodes)
        {
            graph.Message(OnnxFields.Graph.Node, node);
        }

        graph.String(OnnxFields.Graph.Name, _graphName);
        foreach (var (name, value) in _initializers)
        {
            graph.Message(OnnxFields.Graph.Initializer, t => value.WriteTo(t, name));
        }

        foreach (var (name, values, indices, dims) in _sparseInitializers)
        {
            graph.Message(OnnxFields.Graph.SparseInitializer, s =>
            {
                s.Message(OnnxFields.SparseTensor.Values, t => values.WriteTo(t, name));
                s.Message(OnnxFields.SparseTensor.Indices, t => indices.WriteTo(t, null));
                foreach (var dim in dims)
                {
                    s.Varint(OnnxFields.SparseTensor.Dims, dim);
                }
            });
        }

        WriteOptional(graph, OnnxFields.Graph.DocString, _graphDescription);
        foreach (var (name, writeType) in _inputs)
        {
            graph.Message(OnnxFields.Graph.Input, v => WriteValueInfo(v, name, writeType));
        }

        foreach (var (name, writeType) in _outputs)
        {
            graph.Message(OnnxFields.Graph.Output, v => WriteValueInfo(v, name, writeType));
        }
    }

    private static void WriteNode(
        ProtobufWriter node, string domain, string opType, string name, string[] inputs, string[] outputs, OnnxAttribute[] attributes)
    {
        foreach (var input in inputs)
        {
            node.String(OnnxFields.Node.Input, input);
        }

        foreach (var output in outputs)
        {
            node.String(OnnxFields.Node.Output, output);
        }

        node.String(OnnxFields.Node.Name, name);
        node.String(OnnxFields.Node.OpType, opType);
        foreach (var attribute in attributes)
        {
            node.Message(OnnxFields.Node.Attribute, attribute.WriteTo);
        }

        if (domain.Length > 0)
        {
            node.String(OnnxFields.Node.Domain, domain);
        }
    }

    private static void WriteValueInfo(ProtobufWriter valueInfo, string name, Action<ProtobufWriter> writeType)
    {
        valueInfo.String(OnnxFields.ValueInfo.Name, name);
        valueInfo.Message(OnnxFields.ValueInfo.Type, writeType);
    }

    /// <summary>TypeProto { tensor_type { elem_type, shape { dim* } } }; a negative dimension is written as unknown.</summary>
    private static Action<ProtobufWriter> TensorType(TensorElementType elementType, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long[] dims = [.. shape];
        return type => type.Message(OnnxFields.Type.TensorType, tensor =>
        {
            tensor.Varint(OnnxFields.Type.TensorElemType, (int)elementType);
            tensor.Message(OnnxFields.Type.TensorShape, s =>
            {
                foreach (var dim in dims)
                {
                    s.Message(OnnxFields.Shape.Dim, d =>
                    {
                        if (dim >= 0)
                        {
                            d.Varint(OnnxFields.Shape.DimValue, dim);
                        }
                    });
                }
            });
        });
    }

    /// <summary>TypeProto { sequence_type { elem_type: TypeProto { map_type { key_type, value_type: tensor } } } }.</summary>
    private static Action<ProtobufWriter> SequenceOfMapsType(TensorElementType keyType, TensorElementType valueType) =>
        type => type.Message(OnnxFields.Type.SequenceType, sequence =>
            sequence.Message(OnnxFields.Type.SequenceElemType, element =>
                element.Message(OnnxFields.Type.MapType, map =>
                {
                    map.Varint(OnnxFields.Type.MapKeyType, (int)keyType);
                    map.Message(OnnxFields.Type.MapValueType, value =>
                        value.Message(OnnxFields.Type.TensorType, tensor => tensor.Varint(OnnxFields.Type.TensorElemType, (int)valueType)));
                })));

    private static void WriteOptional(ProtobufWriter writer, int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.String(field, value);
        }
    }
}
