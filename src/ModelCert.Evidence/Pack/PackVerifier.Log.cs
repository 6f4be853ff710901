using System.Text;

using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.Merkle;

namespace ModelCert.Evidence.Pack;

/// <summary>The log proof: the checkpoint's signature, the inclusion proof, and that the logged entry is this pack's.</summary>
public static partial class PackVerifier
{
    private const string Proof = PackFileNames.LogProof;

    private static void CheckLog(PackSource source, VerificationKey? key, byte[]? manifestBytes, (byte[] Bytes, InTotoStatement? Statement)? attestation, List<VerificationCheck> checks)
    {
        var bytes = source.ReadAll(Proof, out var error);
        var proof = bytes is null ? null : LogProof.Parse(bytes, out error);
        if (proof is null)
        {
            checks.Add(VerificationCheck.Fail("log-proof", Proof, error!));
            return;
        }

        if (key is null)
        {
            checks.Add(VerificationCheck.Skip("checkpoint-signature", Proof, "no public key to check the checkpoint with"));
            return;
        }

        var checkpoint = Checkpoint.Open(proof.Checkpoint, key, out error);
        if (checkpoint is null)
        {
            checks.Add(VerificationCheck.Fail("checkpoint-signature", Proof, $"the checkpoint: {error}"));
            return;
        }

        checks.Add(VerificationCheck.Pass("checkpoint-signature", Proof, $"checkpoint of '{checkpoint.Origin}' at tree size {checkpoint.TreeSize} signed by key {key.Id}"));
        if (proof.TreeSize != checkpoint.TreeSize
            || !MerkleProof.VerifyInclusion(MerkleHash.Leaf(proof.Entry), proof.LeafIndex, proof.TreeSize, proof.InclusionPath, checkpoint.RootHash))
        {
            checks.Add(VerificationCheck.Fail("inclusion-proof", Proof, $"the entry at index {proof.LeafIndex} is not proved in the checkpoint's tree of {checkpoint.TreeSize} entries (proof for size {proof.TreeSize}, {proof.InclusionPath.Count} hashes)"));
            return;
        }

        checks.Add(VerificationCheck.Pass("inclusion-proof", Proof, $"entry {proof.LeafIndex} is in the log's tree of {checkpoint.TreeSize} entries"));
        CheckEntry(proof.Entry, manifestBytes, attestation, checks);
    }

    /// <summary>The logged entry is authentic now; it must record this manifest and this attestation.</summary>
    private static void CheckEntry(byte[] entryBytes, byte[]? manifestBytes, (byte[] Bytes, InTotoStatement? Statement)? attestation, List<VerificationCheck> checks)
    {
        var entry = PackLogEntry.Parse(entryBytes, out var error);
        if (entry is null)
        {
            checks.Add(VerificationCheck.Fail("log-entry", Proof, $"the logged entry is not a pack entry: {error} ({Encoding.UTF8.GetString(entryBytes)})"));
            return;
        }

        var manifest = manifestBytes is null ? null : Sha256Digest.Of(manifestBytes);
        checks.Add(manifest == entry.ManifestSha256
            ? VerificationCheck.Pass("log-entry", PackFileNames.Manifest, $"the log records this manifest (sha256 {manifest})")
            : VerificationCheck.Fail("log-entry", PackFileNames.Manifest, $"{PackFileNames.Manifest} has sha256 {manifest ?? "(missing)"}, but the log recorded {entry.ManifestSha256}: the manifest was changed or replaced"));

        var attested = attestation is null ? null : Sha256Digest.Of(attestation.Value.Bytes);
        if (attested != entry.AttestationSha256)
        {
            checks.Add(VerificationCheck.Fail("log-entry", Attestation, $"{Attestation} has sha256 {attested ?? "(missing)"}, but the log recorded {entry.AttestationSha256}"));
        }
        else if (attestation?.Statement is { } statement && statement.Model.Sha256 != entry.ModelSha256)
        {
            checks.Add(VerificationCheck.Fail("log-entry", Attestation, $"the statement's model sha256 {statement.Model.Sha256} is not the logged {entry.ModelSha256}"));
        }
    }
}
