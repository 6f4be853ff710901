namespace ModelCert.Core.Frames;

public sealed record ColumnSchema(string Name, ColumnKind Kind);

/// <summary>The ordered column names and kinds of a frame or a data source.</summary>
public sealed record FrameSchema(IReadOnlyList<ColumnSchema> Columns)
{
    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>A stable text form (<c>name:kind</c> per line) that the schema hash is computed over.</summary>
    public string ToCanonicalText() =>
        string.Concat(Columns.Select(c => $"{c.Name}:{c.Kind.ToString().ToLowerInvariant()}\n"));

    public bool Equals(FrameSchema? other) =>
        other is not null && Columns.SequenceEqual(other.Columns);

    public override int GetHashCode() => ToCanonicalText().GetHashCode(StringComparison.Ordinal);
}
