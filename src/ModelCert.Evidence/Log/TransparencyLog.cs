using System.Text;

using ModelCert.Evidence.IO;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Merkle;

namespace ModelCert.Evidence.Log;

/// <summary>
/// A local append-only transparency log in a folder: <c>entries.bin</c> holds the entries (see
/// <see cref="EntryFile"/>), each the data of one RFC 9162 leaf; <c>checkpoints/</c> holds one signed checkpoint per
/// append. An append is durable before it returns: the record is fsynced, then its checkpoint is written through a
/// fsynced temporary file and a rename. Appends from several processes are serialised by a lock file. Under the lock,
/// every append re-reads the entries and checks them against the latest checkpoint before signing, so a file changed
/// behind the log's back is refused, never signed over; that costs one pass over the (small) entries per append.
/// </summary>
public sealed partial class TransparencyLog
{
    private readonly SigningKey _key;
    private MerkleTree _tree = new();
    private readonly List<long> _offsets = [];
    private long _end;

    private TransparencyLog(string folder, SigningKey key)
    {
        Folder = folder;
        _key = key;
    }

    /// <summary>The log folder.</summary>
    public string Folder { get; }

    /// <summary>The log's origin: the first line of its checkpoints and the key name of their signatures.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The number of entries.</summary>
    public long Size => _tree.Size;

    private string EntriesPath => Path.Combine(Folder, EntryFile.FileName);

    /// <summary>The origin a log signed by <paramref name="key"/> gets unless told otherwise.</summary>
    public static string DefaultOrigin(VerificationKey key) => $"modelcert.local/{key.Id}";

    /// <summary>
    /// Opens the log in <paramref name="folder"/>, creating it when missing. Its checkpoints are signed with
    /// <paramref name="key"/>. The origin is the one the log already has; a new log gets <paramref name="origin"/>,
    /// or <see cref="DefaultOrigin"/> when that is null.
    /// </summary>
    /// <exception cref="TransparencyLogException">The log is damaged or has another origin.</exception>
    public static TransparencyLog Open(string folder, SigningKey key, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var log = new TransparencyLog(Path.GetFullPath(folder), key);
        using (log.Lock())
        {
            log.CreateIfMissing();
            log.Reload();
            var existing = log.LatestCheckpoint();
            log.Origin = existing?.Origin ?? origin ?? DefaultOrigin(key.PublicKey);
            if (origin is not null && origin != log.Origin)
            {
                throw new TransparencyLogException($"the log at '{log.Folder}' has origin '{log.Origin}', not '{origin}'");
            }

            log.CheckAgainstLatestCheckpoint();
        }

        return log;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> as the next leaf, durably, and signs a checkpoint over the new tree.
    /// </summary>
    /// <returns>The entry's index and the checkpoint of the tree that includes it.</returns>
    /// <exception cref="TransparencyLogException">The log on disk no longer matches its checkpoints.</exception>
    public LogAppendResult Append(ReadOnlySpan<byte> entry)
    {
        if (entry.Length > EntryFile.MaxEntryBytes)
        {
            throw new ArgumentException($"a log entry may have at most {EntryFile.MaxEntryBytes} bytes, not {entry.Length}", nameof(entry));
        }

        using (Lock())
        {
            var scan = Reload();
            CheckAgainstLatestCheckpoint();
            if (scan.TornTail)
            {
                // An append that was interrupted before its fsync returned: it was never acknowledged nor checkpointed.
                using var truncate = new FileStream(EntriesPath, FileMode.Open, FileAccess.Write, FileShare.Read);
                truncate.SetLength(_end);
                truncate.Flush(flushToDisk: true);
            }

            using (var stream = new FileStream(EntriesPath, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(EntryFile.Record(entry));
                stream.Flush(flushToDisk: true);
            }

            _offsets.Add(_end);
            _end += 4 + entry.Length;
            _tree.Append(entry);

            var checkpoint = new Checkpoint(Origin, Size, _tree.Root());
            var note = checkpoint.Sign(_key);
            DurableFile.WriteAtomically(CheckpointFiles.PathFor(Folder, Size), Encoding.UTF8.GetBytes(note), overwrite: false);
            return new LogAppendResult(Size - 1, checkpoint, note);
        }
    }

    /// <summary>The audit path of entry <paramref name="index"/> in the tree of the first <paramref name="treeSize"/> entries.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long treeSize) => _tree.InclusionProof(index, treeSize);

    /// <summary>The consistency proof from the tree of <paramref name="firstSize"/> entries to that of <paramref name="secondSize"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long firstSize, long secondSize) => _tree.ConsistencyProof(firstSize, secondSize);

    /// <summary>The root hash of the tree of the first <paramref name="treeSize"/> entries.</summary>
    public byte[] Root(long treeSize) => _tree.Root(treeSize);

    /// <summary>The bytes of entry <paramref name="index"/>.</summary>
    public byte[] ReadEntry(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        using var stream = new FileStream(EntriesPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Position = _offsets[checked((int)index)];
        Span<byte> prefix = stackalloc byte[4];
        stream.ReadExactly(prefix);
        var data = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(prefix)];
        stream.ReadExactly(data);
        return data;
    }
}

/// <summary>An appended entry's index and the signed checkpoint (and its note text) of the tree that includes it.</summary>
public sealed record LogAppendResult(long Index, Checkpoint Checkpoint, string CheckpointNote);
