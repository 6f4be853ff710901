namespace ModelCert.Policy.Yaml;

/// <summary>
/// Our own YAML node tree, built from parser events. It keeps where each node starts and whether a scalar was
/// written plain (so <c>true</c> is a boolean but <c>"true"</c> is a string), and nothing else: no anchors, no tags.
/// </summary>
internal abstract record Node(SourcePosition Start);

internal sealed record ScalarNode(SourcePosition Start, string Value, bool IsPlain) : Node(Start)
{
    /// <summary>A plain empty scalar, <c>~</c> or <c>null</c>: YAML's null, which we treat as "not given".</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record SequenceNode(SourcePosition Start, IReadOnlyList<Node> Items) : Node(Start);

internal sealed record MappingNode(SourcePosition Start, IReadOnlyList<MappingEntry> Entries) : Node(Start);

internal sealed record MappingEntry(ScalarNode Key, Node Value);

/// <summary>Stands in for a rejected alias (<c>*name</c>); the error is already reported, so readers skip it silently.</summary>
internal sealed record AliasNode(SourcePosition Start, string Name) : Node(Start);
