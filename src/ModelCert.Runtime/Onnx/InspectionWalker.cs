using System.Globalization;
using System.Text;
using ModelCert.Core.Checks.Security;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// Walks a ModelProto with <see cref="ProtobufReader"/>, gathering what <see cref="ModelInspection"/> reports. Field
/// numbers are onnx.proto's (ModelProto, GraphProto, NodeProto, AttributeProto, FunctionProto, TrainingInfoProto);
/// fields it does not need are skipped, but a known field with the wrong wire type is a malformed file.
/// Subgraphs (If, Loop, Scan bodies), training graphs and local functions are walked like the main graph.
/// </summary>
internal sealed partial class InspectionWalker(ExternalDataRules externalData)
{
    /// <summary>Deepest message nesting read, as protobuf's own default recursion limit.</summary>
    public const int MaxDepth = 100;

    private const int MaxProblems = 50;

    private readonly List<OpsetImport> _opsets = [];
    private readonly SortedSet<string> _nodeDomains = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _functionDomains = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private int _depth;

    public long IrVersion { get; private set; }

    public string? Producer { get; private set; }

    public long NodeCount { get; private set; }

    public SizeFact? LargestDimension { get; private set; }

    public SizeFact? LargestElementCount { get; private set; }

    public IReadOnlyList<OpsetImport> Opsets => _opsets;

    public IReadOnlyList<string> NodeDomains => [.. _nodeDomains];

    public IReadOnlyList<string> FunctionDomains => [.. _functionDomains];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Reads the whole ModelProto; a malformed message throws <see cref="ProtobufFormatException"/>.</summary>
    public void WalkModel(ReadOnlySpan<byte> bytes)
    {
        var model = new ProtobufReader(bytes);
        while (model.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: // ir_version
                    model.Expect(field, wire, WireType.Varint);
                    IrVersion = model.ReadInt64();
                    break;
                case 2: // producer_name
                    model.Expect(field, wire, WireType.LengthDelimited);
                    Producer = Display(model.ReadString());
                    break;
                case 7: // graph
                    Nested(ref model, field, wire, (ref ProtobufReader graph) => WalkGraph(ref graph, string.Empty));
                    break;
                case 8: // opset_import
                    Nested(ref model, field, wire, (ref ProtobufReader opset) => _opsets.Add(ReadOpset(ref opset)));
                    break;
                case 20: // training_info
                    Nested(ref model, field, wire, WalkTrainingInfo);
                    break;
                case 25: // functions
                    Nested(ref model, field, wire, WalkFunction);
                    break;
                default:
                    model.Skip(wire);
                    break;
            }
        }
    }

    private delegate void MessageWalker(ref ProtobufReader message);

    /// <summary>Reads a nested message field with <paramref name="walk"/>, one level deeper.</summary>
    private void Nested(ref ProtobufReader parent, int field, WireType wire, MessageWalker walk)
    {
        parent.Expect(field, wire, WireType.LengthDelimited);
        var start = parent.Offset;
        var message = parent.ReadMessage();
        if (++_depth > MaxDepth)
        {
            throw new ProtobufFormatException(start, string.Create(CultureInfo.InvariantCulture, $"messages nest deeper than {MaxDepth} levels"));
        }

        walk(ref message);
        _depth--;
    }

    private void WalkTrainingInfo(ref ProtobufReader training)
    {
        while (training.TryReadTag(out var field, out var wire))
        {
            if (field is 1 or 2) // initialization, algorithm
            {
                var where = field == 1 ? " in a training initialization graph" : " in a training algorithm graph";
                Nested(ref training, field, wire, (ref ProtobufReader graph) => WalkGraph(ref graph, where));
            }
            else
            {
                training.Skip(wire);
            }
        }
    }

    private void WalkFunction(ref ProtobufReader function)
    {
        var name = "(unnamed)";
        while (function.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: // name
                    function.Expect(field, wire, WireType.LengthDelimited);
                    name = Display(function.ReadString());
                    break;
                case 7: // node
                    Nested(ref function, field, wire, (ref ProtobufReader node) => WalkNode(ref node, $" in function '{name}'"));
                    break;
                case 9: // opset_import
                    Nested(ref function, field, wire, (ref ProtobufReader opset) => _opsets.Add(ReadOpset(ref opset)));
                    break;
                case 10: // domain
                    function.Expect(field, wire, WireType.LengthDelimited);
                    _functionDomains.Add(Display(function.ReadString()));
                    break;
                case 11: // attribute_proto (default values)
                    Nested(ref function, field, wire, (ref ProtobufReader attribute) => WalkAttribute(ref attribute, $"function '{name}'", string.Empty));
                    break;
                case 12: // value_info
                    Nested(ref function, field, wire, (ref ProtobufReader value) => WalkValueInfo(ref value, "value_info", $" in function '{name}'"));
                    break;
                default:
                    function.Skip(wire);
                    break;
            }
        }
    }

    private void WalkGraph(ref ProtobufReader graph, string where)
    {
        while (graph.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: // node
                    Nested(ref graph, field, wire, (ref ProtobufReader node) => WalkNode(ref node, where));
                    break;
                case 5: // initializer
                    Nested(ref graph, field, wire, (ref ProtobufReader tensor) => WalkTensor(ref tensor, "initializer", where));
                    break;
                case 15: // sparse_initializer
                    Nested(ref graph, field, wire, (ref ProtobufReader sparse) => WalkSparseTensor(ref sparse, "sparse initializer", where));
                    break;
                case 11: // input
                    Nested(ref graph, field, wire, (ref ProtobufReader value) => WalkValueInfo(ref value, "input", where));
                    break;
                case 12: // output
                    Nested(ref graph, field, wire, (ref ProtobufReader value) => WalkValueInfo(ref value, "output", where));
                    break;
                case 13: // value_info
                    Nested(ref graph, field, wire, (ref ProtobufReader value) => WalkValueInfo(ref value, "value_info", where));
                    break;
                default:
                    graph.Skip(wire);
                    break;
            }
        }
    }

    private static OpsetImport ReadOpset(ref ProtobufReader opset)
    {
        var domain = string.Empty;
        long version = 0;
        while (opset.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    opset.Expect(field, wire, WireType.LengthDelimited);
                    domain = Display(opset.ReadString());
                    break;
                case 2:
                    opset.Expect(field, wire, WireType.Varint);
                    version = opset.ReadInt64();
                    break;
                default:
                    opset.Skip(wire);
                    break;
            }
        }

        return new OpsetImport(domain, version);
    }

    private void AddProblem(string problem)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(problem);
        }
        else if (_problems.Count == MaxProblems)
        {
            _problems.Add("further problems are left out");
        }
    }

    /// <summary>A string from the file made safe for a one-line message: control characters replaced, at most 200 characters.</summary>
    internal static string Display(string text)
    {
        const int Limit = 200;
        var builder = new StringBuilder(Math.Min(text.Length, Limit + 3));
        foreach (var c in text.Length > Limit ? text[..Limit] : text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return text.Length > Limit ? builder.Append("...").ToString() : builder.ToString();
    }
}
