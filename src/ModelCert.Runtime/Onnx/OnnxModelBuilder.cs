namespace ModelCert.Runtime.Onnx;

/// <summary>
/// Writes small ONNX models (a ModelProto with one graph) without Python or protobuf libraries, for tests and demos.
/// Calls chain: <c>new OnnxModelBuilder().Opset("", 13).Input(...).Node(...).Output(...).ToBytes()</c>.
/// A dimension of -1 is written as an unknown dimension, which ONNX Runtime reports back as -1.
/// </summary>
public sealed partial class OnnxModelBuilder
{
    private readonly List<(string Domain, long Version)> _opsets = [];
    private readonly List<(string Key, string Value)> _metadata = [];
    private readonly List<(string Name, Action<ProtobufWriter> WriteType)> _inputs = [];
    private readonly List<(string Name, Action<ProtobufWriter> WriteType)> _outputs = [];
    private readonly List<(string Name, OnnxTensor Value)> _initializers = [];
    private readonly List<Action<ProtobufWriter>> _nodes = [];
    private readonly List<(string Name, OnnxTensor Values, OnnxTensor Indices, long[] Dims)> _sparseInitializers = [];
    private long _irVersion = 8;
    private string? _producerName;
    private string? _producerVersion;
    private string? _domain;
    private long _modelVersion;
    private string? _description;
    private string _graphName = "graph";
    private string? _graphDescription;

    /// <summary>The ONNX IR version (default 8, as the reference models use).</summary>
    public OnnxModelBuilder IrVersion(long version)
    {
        _irVersion = version;
        return this;
    }

    public OnnxModelBuilder Producer(string name, string version)
    {
        _producerName = name;
        _producerVersion = version;
        return this;
    }

    public OnnxModelBuilder Domain(string domain)
    {
        _domain = domain;
        return this;
    }

    public OnnxModelBuilder ModelVersion(long version)
    {
        _modelVersion = version;
        return this;
    }

    /// <summary>The model's doc_string (ORT reports it as the description).</summary>
    public OnnxModelBuilder Description(string text)
    {
        _description = text;
        return this;
    }

    public OnnxModelBuilder Graph(string name, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _graphName = name;
        _graphDescription = description;
        return this;
    }

    /// <summary>Imports an operator set: "" (or "ai.onnx") for the standard operators, "ai.onnx.ml" for the ML ones.</summary>
    public OnnxModelBuilder Opset(string domain, long version)
    {
        ArgumentNullException.ThrowIfNull(domain);
        _opsets.Add((domain, version));
        return this;
    }

    /// <summary>A metadata_props entry.</summary>
    public OnnxModelBuilder Metadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata.Add((key, value));
        return this;
    }

    public OnnxModelBuilder Input(string name, TensorElementType elementType, params long[] shape)
    {
        _inputs.Add((Require(name), TensorType(elementType, shape)));
        return this;
    }

    public OnnxModelBuilder Output(string name, TensorElementType elementType, params long[] shape)
    {
        _outputs.Add((Require(name), TensorType(elementType, shape)));
        return this;
    }

    /// <summary>A sequence-of-maps output, as ZipMap produces (e.g. key Int64, value Float).</summary>
    public OnnxModelBuilder SequenceOfMapsOutput(string name, TensorElementType keyType, TensorElementType valueType)
    {
        _outputs.Add((Require(name), SequenceOfMapsType(keyType, valueType)));
        return this;
    }

    public OnnxModelBuilder Initializer(string name, OnnxTensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _initializers.Add((Require(name), value));
        return this;
    }

    public OnnxModelBuilder Initializer(string name, float[] values, params long[] dims) => Initializer(name, OnnxTensor.Float(values, dims));

    public OnnxModelBuilder Initializer(string name, double[] values, params long[] dims) => Initializer(name, OnnxTensor.Double(values, dims));

    public OnnxModelBuilder Initializer(string name, long[] values, params long[] dims) => Initializer(name, OnnxTensor.Int64(values, dims));

    public OnnxModelBuilder Initializer(string name, string[] values, params long[] dims) => Initializer(name, OnnxTensor.String(values, dims));

    /// <summary>A sparse initializer (SparseTensorProto): the non-zero values, their indices, and the dense shape.</summary>
    public OnnxModelBuilder SparseInitializer(string name, OnnxTensor values, OnnxTensor indices, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(dims);
        _sparseInitializers.Add((Require(name), values, indices, [.. dims]));
        return this;
    }

    /// <summary>A node of the standard operator set. An empty input name marks an absent optional input.</summary>
    public OnnxModelBuilder Node(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes) =>
        Node(string.Empty, opType, inputs, outputs, attributes);

    /// <summary>A node of the operator set <paramref name="domain"/> (e.g. "ai.onnx.ml").</summary>
    public OnnxModelBuilder Node(string domain, string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(attributes);
        string[] nodeInputs = [.. inputs];
        string[] nodeOutputs = [.. outputs];
        OnnxAttribute[] nodeAttributes = [.. attributes];
        var nodeName = $"{opType}_{_nodes.Count}";
        _nodes.Add(w => WriteNode(w, domain, opType, nodeName, nodeInputs, nodeOutputs, nodeAttributes));
        return this;
    }

    public byte[] ToBytes()
    {
        if (_opsets.Count == 0)
        {
            throw new InvalidOperationException("an ONNX model needs at least one Opset(domain, version)");
        }

        if (_outputs.Count == 0)
        {
            throw new InvalidOperationException("an ONNX model needs at least one Output(...)");
        }

        var writer = new ProtobufWriter();
        WriteModel(writer);
        return writer.ToArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    private static string Require(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name;
    }
}
