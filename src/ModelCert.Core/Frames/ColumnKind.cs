namespace ModelCert.Core.Frames;

/// <summary>The physical type of a frame column. Every reader maps its source types onto these four.</summary>
public enum ColumnKind
{
    Float64,
    Int64,
    Boolean,
    String,
}
