using System.Text;

using ModelCert.Evidence.IO;
using ModelCert.Evidence.Merkle;

namespace ModelCert.Evidence.Log;

/// <summary>The log's files: creating them, reading new records, the lock, and the check against the latest checkpoint.</summary>
public sealed partial class TransparencyLog
{
    private const string LockFileName = ".lock";
    private const int LockAttempts = 500;

    private void CreateIfMissing()
    {
        Directory.CreateDirectory(CheckpointFiles.Folder(Folder));
        if (!File.Exists(EntriesPath))
        {
            DurableFile.WriteAtomically(EntriesPath, EntryFile.Header, overwrite: false);
        }
    }

    /// <summary>
    /// Reads every record again, so what we sign next is computed from the file as it is now (including what other
    /// writers appended), and a file changed behind our back is caught by the checkpoint check instead of signed over.
    /// </summary>
    private EntryScan Reload()
    {
        _tree = new MerkleTree();
        _offsets.Clear();
        var scan = EntryFile.Scan(EntriesPath, 0, (offset, data) =>
        {
            _offsets.Add(offset);
            _tree.Append(data);
        });
        if (scan.Damage is not null)
        {
            throw new TransparencyLogException($"the log at '{Folder}' is damaged: {scan.Damage}; run 'modelcert log verify' for details");
        }

        _end = scan.End;
        return scan;
    }

    /// <summary>The latest checkpoint, verified with our key; null when there is none yet.</summary>
    private Checkpoint? LatestCheckpoint()
    {
        var files = CheckpointFiles.List(Folder);
        if (files.Count == 0)
        {
            return null;
        }

        var latest = files[^1].Path;
        return Checkpoint.Open(File.ReadAllText(latest, Encoding.UTF8), _key.PublicKey, out var error)
            ?? throw new TransparencyLogException($"the latest checkpoint '{latest}' does not verify with key {_key.Id}: {error}");
    }

    /// <summary>Refuses to go on when the latest checkpoint is not ours or does not match the entries.</summary>
    private void CheckAgainstLatestCheckpoint()
    {
        if (LatestCheckpoint() is not { } checkpoint)
        {
            return;
        }

        if (checkpoint.Origin != Origin)
        {
            throw new TransparencyLogException($"the log at '{Folder}' has origin '{checkpoint.Origin}', not '{Origin}'");
        }

        if (checkpoint.TreeSize > Size)
        {
            throw new TransparencyLogException($"the log at '{Folder}' was truncated: its checkpoint covers {checkpoint.TreeSize} entries but {EntryFile.FileName} holds {Size}; run 'modelcert log verify'");
        }

        if (!_tree.Root(checkpoint.TreeSize).AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new TransparencyLogException($"the log at '{Folder}' was rewritten: its first {checkpoint.TreeSize} entries no longer match their signed checkpoint; run 'modelcert log verify'");
        }
    }

    /// <summary>
    /// An exclusive lock on <c>.lock</c> in the log folder, so appends from several processes take turns. A held lock
    /// is retried for a while (another append is quick); a lock that never frees is reported.
    /// </summary>
    private FileStream Lock()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, LockFileName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                Thread.Sleep(20);
            }
            catch (IOException ex)
            {
                throw new TransparencyLogException($"the log at '{Folder}' stayed locked by another process ({path})", ex);
            }
        }
    }
}
