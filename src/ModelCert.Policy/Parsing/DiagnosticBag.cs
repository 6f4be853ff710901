using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>Collects every problem in one file so that a user sees them all at once, not one per run.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<PolicyDiagnostic> items = [];

    public string File { get; } = file;

    public IReadOnlyList<PolicyDiagnostic> Items => items;

    public int Count => items.Count;

    public void Add(SourcePosition position, string message) =>
        items.Add(new PolicyDiagnostic(File, position.Line, position.Column, message));
}
