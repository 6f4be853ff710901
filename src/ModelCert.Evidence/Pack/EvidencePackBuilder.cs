using System.Text;

using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// Assembles a pack: signs the statement into <c>attestation.dsse.json</c> and adds <c>public.pem</c>; lists every
/// file in <c>manifest.json</c>; appends the pack's entry (which records the manifest's digest) to the transparency
/// log; and writes the entry's inclusion proof and the signed checkpoint into <c>log-proof.json</c>. Nothing is
/// written to the pack folder here: the log entry exists once this returns, the pack once <see cref="PackWriter"/>
/// has renamed it into place, so an interrupted certification leaves at most a log entry without a pack.
/// </summary>
public sealed class EvidencePackBuilder
{
    private readonly SigningKey _key;
    private readonly TransparencyLog _log;
    private readonly TimeProvider _time;

    /// <param name="key">Signs the attestation; its public half goes into the pack.</param>
    /// <param name="log">The log the pack is entered in.</param>
    /// <param name="time">The clock of the manifest's <c>created_at</c>.</param>
    public EvidencePackBuilder(SigningKey key, TransparencyLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        _key = key;
        _log = log;
        _time = time;
    }

    /// <summary>Builds the pack of <paramref name="files"/> (relative path to content) attested by <paramref name="statement"/>.</summary>
    /// <exception cref="ArgumentException">A path is invalid, reserved, or both a file and a folder.</exception>
    public EvidencePack Build(InTotoStatement statement, IReadOnlyDictionary<string, byte[]> files, PackMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(metadata);
        CheckPaths(files.Keys);

        var attestation = statement.Sign(_key);
        var attestationBytes = attestation.ToJson();
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [PackFileNames.PublicKey] = Encoding.ASCII.GetBytes(_key.PublicKey.ToPem()),
            [PackFileNames.Attestation] = attestationBytes,
        };
        foreach (var (path, content) in files)
        {
            all[path] = content;
        }

        var manifest = PackManifest.Create(all, metadata, _time.GetUtcNow());
        var manifestBytes = manifest.ToJson();
        var entry = new PackLogEntry(Sha256Digest.Of(manifestBytes), Sha256Digest.Of(attestationBytes), statement.Model.Name, statement.Model.Sha256);
        var entryBytes = entry.ToBytes();
        var appended = _log.Append(entryBytes);
        var proof = new LogProof(appended.Index, appended.Checkpoint.TreeSize, entryBytes, _log.InclusionProof(appended.Index, appended.Checkpoint.TreeSize), appended.CheckpointNote);

        all[PackFileNames.Manifest] = manifestBytes;
        all[PackFileNames.LogProof] = proof.ToJson();
        return new EvidencePack(all, manifest, attestation, appended);
    }

    private static void CheckPaths(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        foreach (var path in list)
        {
            if (PackFileNames.CheckRelativePath(path) is { } problem)
            {
                throw new ArgumentException($"pack file {problem}", nameof(paths));
            }

            if (PackFileNames.Reserved.Contains(path, StringComparer.Ordinal))
            {
                throw new ArgumentException($"pack file '{path}' is written by the pack builder itself", nameof(paths));
            }

            if (list.Any(other => other.StartsWith(path + "/", StringComparison.Ordinal)))
            {
                throw new ArgumentException($"pack path '{path}' is both a file and a folder", nameof(paths));
            }
        }
    }
}
