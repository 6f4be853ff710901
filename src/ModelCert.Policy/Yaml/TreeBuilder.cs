using System.Globalization;

using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Yaml;

/// <summary>
/// Assembles nodes from parser events with an explicit stack (no recursion), rejecting non-scalar keys and duplicate
/// keys, which YAML itself would silently resolve to the last value.
/// </summary>
internal sealed class TreeBuilder(DiagnosticBag diagnostics)
{
    private readonly Stack<Frame> frames = new();

    public Node? Root { get; private set; }

    public int Depth => frames.Count;

    public void Open(SourcePosition start, bool isMapping) => frames.Push(new Frame(start, isMapping));

    public void Close()
    {
        var frame = frames.Pop();
        Add(frame.IsMapping ? new MappingNode(frame.Start, frame.Entries) : new SequenceNode(frame.Start, frame.Items));
    }

    public void Add(Node node)
    {
        if (!frames.TryPeek(out var frame))
        {
            Root = node;
            return;
        }

        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
            return;
        }

        if (!frame.ExpectingValue)
        {
            AcceptKey(frame, node);
            return;
        }

        frame.ExpectingValue = false;
        if (frame.PendingKey is { } key)
        {
            frame.Entries.Add(new MappingEntry(key, node));
        }
    }

    private void AcceptKey(Frame frame, Node node)
    {
        frame.ExpectingValue = true;
        frame.PendingKey = null;
        if (node is AliasNode)
        {
            return;
        }

        if (node is not ScalarNode key)
        {
            diagnostics.Add(node.Start, "mapping keys must be plain names, not lists or mappings");
            return;
        }

        if (frame.Keys.TryGetValue(key.Value, out var first))
        {
            diagnostics.Add(key.Start, string.Create(CultureInfo.InvariantCulture, $"duplicate key '{key.Value}' (first at line {first.Line})"));
            return;
        }

        frame.Keys.Add(key.Value, key.Start);
        frame.PendingKey = key;
    }

    private sealed class Frame(SourcePosition start, bool isMapping)
    {
        public SourcePosition Start { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public List<Node> Items { get; } = [];

        public List<MappingEntry> Entries { get; } = [];

        public Dictionary<string, SourcePosition> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingValue { get; set; }

        public ScalarNode? PendingKey { get; set; }
    }
}
