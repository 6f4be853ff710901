using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>
/// Reads the fields of one YAML mapping: unknown keys are reported on open (with a "did you mean"), a null value counts
/// as not given, and a missing required field is reported at the mapping's start.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, MappingEntry> entries;
    private readonly string what;
    private readonly DiagnosticBag diagnostics;

    private MappingReader(MappingNode node, string what, DiagnosticBag diagnostics)
    {
        Start = node.Start;
        this.what = what;
        this.diagnostics = diagnostics;
        entries = node.Entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
    }

    public SourcePosition Start { get; }

    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>A reader over <paramref name="node"/>, or null (reported) when it is not a mapping.</summary>
    public static MappingReader? Open(Node node, string what, IReadOnlyList<string> fields, DiagnosticBag diagnostics)
    {
        if (node is not MappingNode mapping)
        {
            ScalarValues.Report(node, $"'{what}' must be a mapping of fields (key: value)", diagnostics);
            return null;
        }

        foreach (var entry in mapping.Entries.Where(e => !fields.Contains(e.Key.Value)))
        {
            diagnostics.Add(entry.Key.Start, $"unknown field '{entry.Key.Value}' in {what}{Suggestions.Hint(entry.Key.Value, [.. fields], "fields")}");
        }

        return new MappingReader(mapping, what, diagnostics);
    }

    /// <summary>The value of <paramref name="name"/>, or null when it is absent or written as null.</summary>
    public Node? Optional(string name) =>
        entries.TryGetValue(name, out var entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    /// <summary>The key node of <paramref name="name"/>, for positions of "set by" provenance.</summary>
    public ScalarNode? Key(string name) => entries.TryGetValue(name, out var entry) ? entry.Key : null;

    public Node? Required(string name)
    {
        if (Optional(name) is { } value)
        {
            return value;
        }

        if (entries.TryGetValue(name, out var entry))
        {
            diagnostics.Add(entry.Key.Start, $"required field '{name}' in {what} has no value");
        }
        else
        {
            diagnostics.Add(Start, $"missing required field '{name}' in {what}");
        }

        return null;
    }

    public string? Text(string name, bool required = false) =>
        (required ? Required(name) : Optional(name)) is { } node ? ScalarValues.Text(node, name, diagnostics) : null;

    public double? Number(string name) => Optional(name) is { } node ? ScalarValues.Number(node, name, diagnostics) : null;

    public int? Integer(string name) => Optional(name) is { } node ? ScalarValues.Integer(node, name, diagnostics) : null;

    public bool? Boolean(string name) => Optional(name) is { } node ? ScalarValues.Boolean(node, name, diagnostics) : null;

    public int? Choice(string name, IReadOnlyList<string> choices) =>
        Optional(name) is { } node ? ScalarValues.Choice(node, name, choices, diagnostics) : null;

    /// <summary>A list of texts; null (reported) when it is not a list. Items that are not text are reported and left out.</summary>
    public IReadOnlyList<string>? TextList(string name)
    {
        if (Optional(name) is not { } node)
        {
            return null;
        }

        if (node is not SequenceNode sequence)
        {
            ScalarValues.Report(node, $"'{name}' must be a list, e.g. [a, b]", diagnostics);
            return null;
        }

        var items = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is ScalarNode { IsNull: false } scalar && scalar.Value.Length > 0)
            {
                items.Add(scalar.Value);
            }
            else
            {
                ScalarValues.Report(item, $"each item of '{name}' must be non-empty text", diagnostics);
            }
        }

        return items;
    }
}
