using System.Text.Json.Nodes;

namespace ModelCert.Evidence.Lineage;

/// <summary>
/// One input of a certification run for <c>lineage.json</c>: the model file or a dataset, by role, with what
/// identifies its content (SHA-256, size, rows, schema digest) and, for data, its fields with their types.
/// </summary>
public sealed record LineageInput(string Role, string Path, string Sha256, long Bytes, long? Rows, string? SchemaSha256, IReadOnlyList<LineageField> Fields)
{
    /// <summary>Whether this input is the model (OpenLineage dataset type MODEL) rather than data (FILE).</summary>
    public bool IsModel => Role == "model";
}

/// <summary>A field of an input's schema: name and type as the data engine read it.</summary>
public sealed record LineageField(string Name, string Type);

/// <summary>
/// The run itself: its times (from the injected clock), the tool version, and the submission as given, which
/// <c>certify --reproduce</c> reads back (the <c>modelcert_submission</c> run facet).
/// </summary>
public sealed record LineageRun(Guid RunId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string ToolVersion, string JobName, JsonObject Submission);
