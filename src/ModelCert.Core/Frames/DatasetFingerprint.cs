namespace ModelCert.Core.Frames;

/// <summary>
/// What identifies a dataset in evidence: the SHA-256 of the file's bytes, its row count, and the SHA-256 of
/// its canonical schema text (<see cref="FrameSchema.ToCanonicalText"/>). All hashes are lowercase hex.
/// </summary>
public sealed record DatasetFingerprint(string Path, string Sha256, long Bytes, long Rows, string SchemaSha256);
