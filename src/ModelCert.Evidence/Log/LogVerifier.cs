using System.Text;

using ModelCert.Core;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Merkle;

namespace ModelCert.Evidence.Log;

/// <summary>
/// Checks a whole local log against every checkpoint it has signed: each checkpoint's signature, that the entries
/// still produce each signed root, and a consistency proof between every two successive checkpoints. A truncated
/// log, a rewritten, removed, inserted or reordered entry all change a signed root, so all are found, and the
/// failure names the range of entries where the change lies. Checkpoints kept elsewhere (for example in evidence
/// packs) can be added: they also catch a log whose later checkpoints were deleted along with its entries.
/// </summary>
public static partial class LogVerifier
{
    /// <summary>Verifies the log in <paramref name="folder"/> with the public key that signs its checkpoints.</summary>
    /// <param name="folder">The log folder (with entries.bin and checkpoints/).</param>
    /// <param name="key">The key the checkpoints must be signed with.</param>
    /// <param name="external">Further signed checkpoint notes, each with a name for messages (a file path).</param>
    /// <exception cref="InputException">There is no log in <paramref name="folder"/>.</exception>
    public static VerificationReport Verify(string folder, VerificationKey key, IReadOnlyList<(string Source, string Note)>? external = null)
    {
        var entriesPath = Path.Combine(folder, EntryFile.FileName);
        if (!File.Exists(entriesPath))
        {
            throw new InputException($"there is no transparency log in '{folder}' (no {EntryFile.FileName})");
        }

        var checks = new List<VerificationCheck>();
        var tree = new MerkleTree();
        var scan = EntryFile.Scan(entriesPath, 0, (_, data) => tree.Append(data));
        checks.Add(scan.Damage is not null
            ? VerificationCheck.Fail("log-entries", EntryFile.FileName, $"{scan.Damage}; {scan.Count} entries before it were read")
            : VerificationCheck.Pass("log-entries", EntryFile.FileName, $"{tree.Size} entries" + (scan.TornTail ? $", then an incomplete record at byte {scan.End} (an interrupted append; the next append discards it)" : "")));

        var checkpoints = new List<(string Source, Checkpoint Checkpoint)>();
        foreach (var (path, namedSize) in CheckpointFiles.List(folder))
        {
            var source = CheckpointFiles.Relative(folder, path);
            if (Open(source, File.ReadAllText(path, Encoding.UTF8), key, checks) is { } checkpoint)
            {
                if (namedSize != checkpoint.TreeSize)
                {
                    checks.Add(VerificationCheck.Fail("checkpoint-name", source, $"the file name says tree size {namedSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} but the signed checkpoint has {checkpoint.TreeSize}: a checkpoint was moved or copied"));
                }

                checkpoints.Add((source, checkpoint));
            }
        }

        foreach (var (source, note) in external ?? [])
        {
            if (Open(source, note, key, checks) is { } checkpoint)
            {
                checkpoints.Add((source, checkpoint));
            }
        }

        checkpoints.Sort((a, b) => a.Checkpoint.TreeSize.CompareTo(b.Checkpoint.TreeSize));
        CheckOrigins(checkpoints, checks);
        CheckRoots(checkpoints, tree, checks);
        CheckConsistency(checkpoints, tree, checks);
        CheckCoverage(checkpoints, tree, checks);
        return new VerificationReport(checks);
    }

    private static void CheckOrigins(List<(string Source, Checkpoint Checkpoint)> checkpoints, List<VerificationCheck> checks)
    {
        var origins = checkpoints.Select(c => c.Checkpoint.Origin).Distinct(StringComparer.Ordinal).ToList();
        if (origins.Count > 1)
        {
            checks.Add(VerificationCheck.Fail("checkpoint-origin", null, $"checkpoints name {origins.Count} logs: {string.Join(", ", origins.Select(o => $"'{o}'"))}; one log has one origin"));
        }
    }

    private static void CheckRoots(List<(string Source, Checkpoint Checkpoint)> checkpoints, MerkleTree tree, List<VerificationCheck> checks)
    {
        var lastGood = 0L;
        foreach (var (source, checkpoint) in checkpoints)
        {
            if (checkpoint.TreeSize > tree.Size)
            {
                checks.Add(VerificationCheck.Fail("log-truncated", EntryFile.FileName, $"{source} covers {checkpoint.TreeSize} entries but {EntryFile.FileName} holds {tree.Size}: the log was truncated"));
            }
            else if (!tree.Root(checkpoint.TreeSize).AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                var range = lastGood == checkpoint.TreeSize - 1 ? $"entry {lastGood}" : $"an entry among indexes {lastGood} to {checkpoint.TreeSize - 1}";
                checks.Add(VerificationCheck.Fail("log-root", EntryFile.FileName, $"the first {checkpoint.TreeSize} entries no longer hash to the root signed in {source}: {range} was rewritten, removed, inserted or reordered"));
            }
            else
            {
                lastGood = checkpoint.TreeSize;
                checks.Add(VerificationCheck.Pass("log-root", source, $"the first {checkpoint.TreeSize} entries hash to the signed root {checkpoint.RootBase64}"));
            }
        }
    }

    private static void CheckConsistency(List<(string Source, Checkpoint Checkpoint)> checkpoints, MerkleTree tree, List<VerificationCheck> checks)
    {
        for (var i = 1; i < checkpoints.Count; i++)
        {
            var (firstSource, first) = checkpoints[i - 1];
            var (secondSource, second) = checkpoints[i];
            var name = $"{firstSource} -> {secondSource}";
            if (second.TreeSize > tree.Size)
            {
                checks.Add(VerificationCheck.Fail("log-consistency", EntryFile.FileName, $"{name}: no consistency proof can be built, the log holds only {tree.Size} of {second.TreeSize} entries"));
                continue;
            }

            var proof = tree.ConsistencyProof(first.TreeSize, second.TreeSize);
            checks.Add(MerkleProof.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash, second.RootHash, proof)
                ? VerificationCheck.Pass("log-consistency", secondSource, $"{name}: the tree of {second.TreeSize} entries extends the tree of {first.TreeSize} ({proof.Count} proof hashes)")
                : VerificationCheck.Fail("log-consistency", EntryFile.FileName, $"{name}: the signed tree of {second.TreeSize} entries does not extend the signed tree of {first.TreeSize}; the log's history was rewritten"));
        }
    }

    private static void CheckCoverage(List<(string Source, Checkpoint Checkpoint)> checkpoints, MerkleTree tree, List<VerificationCheck> checks)
    {
        var covered = checkpoints.Count == 0 ? 0 : checkpoints[^1].Checkpoint.TreeSize;
        if (tree.Size > 0 && checkpoints.Count == 0)
        {
            checks.Add(VerificationCheck.Fail("log-coverage", CheckpointFiles.FolderName, $"no signed checkpoint covers the {tree.Size} entries; checkpoints were deleted"));
        }
        else if (tree.Size > covered)
        {
            checks.Add(VerificationCheck.Pass("log-coverage", EntryFile.FileName, $"{tree.Size - covered} entries after the latest checkpoint (size {covered}) are not signed yet (an append interrupted before its checkpoint); the next append covers them"));
        }
    }
}
