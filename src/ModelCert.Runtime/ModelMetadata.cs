namespace ModelCert.Runtime;

/// <summary>
/// What the model file says about itself (ModelProto fields and <c>metadata_props</c>). Empty strings in the file are
/// reported as null, so "absent" has one spelling; an absent model version is 0.
/// </summary>
public sealed record ModelMetadata(
    string? ProducerName,
    string? GraphName,
    string? Domain,
    string? Description,
    long Version,
    IReadOnlyDictionary<string, string> CustomMetadata);
