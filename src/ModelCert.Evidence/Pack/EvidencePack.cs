using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Log;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// A complete pack in memory, ready for <see cref="PackWriter"/>: every file by relative path (the caller's files
/// plus public.pem, attestation.dsse.json, manifest.json and log-proof.json), and the pieces they were made from.
/// </summary>
public sealed record EvidencePack(IReadOnlyDictionary<string, byte[]> Files, PackManifest Manifest, DsseEnvelope Attestation, LogAppendResult LogEntry);
